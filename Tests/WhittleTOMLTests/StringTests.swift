import Testing
import WhittleTOML

/// Parses `value = <source>` and returns the string value.
private func string(_ valueSource: String) throws -> String? {
    try TOMLParser.parse("value = " + valueSource).string("value")
}

@Suite("Strings")
struct StringTests {
    @Test func basicStrings() throws {
        #expect(try string(#""hello""#) == "hello")
        #expect(try string("\"\"") == "")
        #expect(try string(#""héllo wörld 🚀""#) == "héllo wörld 🚀")
        #expect(try string("\"tab\tinside\"") == "tab\tinside")
    }

    @Test func basicStringEscapes() throws {
        #expect(try string(#""\b\t\n\f\r\"\\""#) == "\u{08}\t\n\u{0C}\r\"\\")
        #expect(try string(#""C:\\Users\\me""#) == #"C:\Users\me"#)
        #expect(try string(#""say \"hi\"""#) == #"say "hi""#)
    }

    @Test func unicodeEscapes() throws {
        #expect(try string(#""\u00E9\u00e9""#) == "éé")
        #expect(try string(#""\U0001F680""#) == "🚀")
        #expect(try string(#""\u0000""#) == "\u{0}")
    }

    @Test func literalStrings() throws {
        #expect(try string(#"'C:\Users\nodejs\templates'"#) == #"C:\Users\nodejs\templates"#)
        #expect(try string(#"'Tom "Dubs" Preston-Werner'"#) == #"Tom "Dubs" Preston-Werner"#)
        #expect(try string("''") == "")
        #expect(try string(#"'<\i\c*\s*>'"#) == #"<\i\c*\s*>"#)
    }

    @Test func multilineBasicTrimsFirstNewline() throws {
        let source = "\"\"\"\nRoses are red\nViolets are blue\"\"\""
        #expect(try string(source) == "Roses are red\nViolets are blue")
    }

    @Test func multilineBasicKeepsLaterNewlines() throws {
        #expect(try string("\"\"\"\n\none\n\"\"\"") == "\none\n")
        #expect(try string("\"\"\"no leading newline\"\"\"") == "no leading newline")
    }

    @Test func multilineBasicNormalizesCRLF() throws {
        #expect(try string("\"\"\"\r\na\r\nb\"\"\"") == "a\nb")
    }

    @Test func lineEndingBackslash() throws {
        let source = "\"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\""
        #expect(try string(source) == "The quick brown fox jumps over the lazy dog.")
    }

    @Test func lineEndingBackslashWithTrailingWhitespaceAndCRLF() throws {
        let source = "\"\"\"\\  \t\r\n   \r\n  trimmed\"\"\""
        #expect(try string(source) == "trimmed")
    }

    @Test func multilineBasicEscapesAndQuotes() throws {
        let tq = "\"\"\""  // """
        #expect(
            try string(tq + #"Here are two quotation marks: "". Simple enough."# + tq)
                == #"Here are two quotation marks: "". Simple enough."#)
        #expect(
            try string(tq + #"Here are three quotation marks: ""\"."# + tq)
                == #"Here are three quotation marks: """."#)
        #expect(
            try string(tq + #""This," she said, "is just a pointless statement.""# + tq)
                == #""This," she said, "is just a pointless statement.""#)
        #expect(try string(tq + #"a\tb\u00e9"# + tq) == "a\tbé")
        #expect(try string(tq + "ends with one quote\"" + tq) == "ends with one quote\"")
        #expect(try string(tq + "ends with two quotes\"\"" + tq) == "ends with two quotes\"\"")
    }

    @Test func multilineLiteralStrings() throws {
        let source =
            "'''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''"
        #expect(
            try string(source)
                == "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"
        )
        #expect(try string(#"'''I [dw]on't need \d{2} apples'''"#) == #"I [dw]on't need \d{2} apples"#)
        #expect(
            try string("''''That,' she said, 'is still pointless.''''")
                == "'That,' she said, 'is still pointless.'")
        #expect(try string("'''a\\\nb'''") == "a\\\nb")
        #expect(try string("'''\r\nx\r\ny'''") == "x\ny")
    }

    @Test func emptyMultilineStrings() throws {
        #expect(try string(String(repeating: "\"", count: 6)) == "")
        #expect(try string("''''''") == "")
        #expect(try string("\"\"\"\n\"\"\"") == "")
    }

    @Test func multilineStringsSpanningLinesKeepLineCountingRight() {
        let source = "a = \"\"\"\none\ntwo\"\"\"\nb = oops"
        #expect(
            throws: TOMLError(line: 4, column: 5, message: "invalid value 'oops'; strings must be quoted")
        ) {
            try TOMLParser.parse(source)
        }
    }
}
