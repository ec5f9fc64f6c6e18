import Testing
import WhittleTOML

/// One malformed document and the exact error it must produce.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let source: String
    let line: Int
    let column: Int
    let message: String

    init(_ source: String, _ line: Int, _ column: Int, _ message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { source.debugDescription }
}

private let afterValue = "after value; expected a newline or a comment"

@Suite("Errors")
struct ErrorTests {
    static let redefinitions: [ErrorCase] = [
        ErrorCase("a = 1\na = 2", 2, 1, "duplicate key 'a'"),
        ErrorCase("a.b = 1\na = 2", 2, 1, "duplicate key 'a'"),
        ErrorCase("[a.b]\n[a]\nb = 1", 3, 1, "duplicate key 'a.b'"),
        ErrorCase("a = {x = 1, x = 2}", 1, 13, "duplicate key 'a.x'"),
        ErrorCase("[t]\n\"k\" = 1\nk = 2", 3, 1, "duplicate key 't.k'"),
        ErrorCase("\"a b\" = 1\n'a b' = 2", 2, 1, "duplicate key '\"a b\"'"),
        ErrorCase("[a]\nb = 1\n[a]", 3, 2, "table 'a' is already defined"),
        ErrorCase("[a.b]\n[ a . b ]", 2, 7, "table 'a.b' is already defined"),
        ErrorCase(
            "[fruit]\napple.color = \"red\"\n[fruit.apple]", 3, 8,
            "table 'fruit.apple' is already defined by dotted keys"),
        ErrorCase("a.b = 1\na.b.c = 2", 2, 3, "key 'a.b' is already defined as an integer"),
        ErrorCase("a = {x = 1}\na.y = 2", 2, 1, "inline table 'a' cannot be extended"),
        ErrorCase(
            "[a.b]\nx = 1\n[a]\nb.y = 2", 4, 1,
            "table 'a.b' is defined by a table header and cannot be extended with dotted keys"),
        ErrorCase(
            "[a.b.c]\n[a]\nb.d = 1", 3, 1,
            "table 'a.b' is defined by a table header and cannot be extended with dotted keys"),
        ErrorCase(
            "[[a.b]]\n[a]\nb.y = 2", 3, 1,
            "'a.b' is an array of tables and cannot be extended with dotted keys"),
        ErrorCase("[[a]]\n[a]", 2, 2, "'a' is already defined as an array of tables"),
        ErrorCase("[a]\n[[a]]", 2, 3, "cannot define array of tables 'a': it is already defined as a table"),
        ErrorCase("a = [1]\n[[a]]", 2, 3, "cannot append to statically defined array 'a'"),
        ErrorCase("a = 1\n[a]", 2, 2, "key 'a' is already defined as an integer"),
        ErrorCase("a = 'x'\n[a.b]", 2, 2, "key 'a' is already defined as a string"),
        ErrorCase("a = {}\n[a.b]", 2, 2, "inline table 'a' cannot be extended"),
        ErrorCase("a = {}\n[a]", 2, 2, "key 'a' is already defined as an inline table"),
        ErrorCase("a = [{}]\n[a.b]", 2, 2, "cannot add a table to statically defined array 'a'"),
        ErrorCase("[a]\nb = 1\n[a.b]", 3, 4, "key 'a.b' is already defined as an integer"),
        ErrorCase("a = {b = {}, b.c = 1}", 1, 14, "inline table 'a.b' cannot be extended"),
    ]

    static let strings: [ErrorCase] = [
        ErrorCase(#"a = "x\qy""#, 1, 7, #"invalid escape sequence '\q'"#),
        ErrorCase(#"a = "tab\ x""#, 1, 9, "invalid escape sequence: backslash followed by U+0020"),
        ErrorCase("a = \"\"\"x\\ y\"\"\"", 1, 9, "invalid escape sequence: backslash followed by U+0020"),
        ErrorCase(#"a = "\uD800""#, 1, 6, #"invalid unicode escape '\uD800': not a Unicode scalar value"#),
        ErrorCase(
            #"a = "\U00110000""#, 1, 6, #"invalid unicode escape '\U00110000': not a Unicode scalar value"#),
        ErrorCase(#"a = "\u12""#, 1, 6, #"invalid unicode escape '\u12': expected 4 hexadecimal digits"#),
        ErrorCase(#"a = "\U1234""#, 1, 6, #"invalid unicode escape '\U1234': expected 8 hexadecimal digits"#),
        ErrorCase("a = \"abc", 1, 5, "unterminated string"),
        ErrorCase("a = \"abc\nb = 1", 1, 5, "unterminated string"),
        ErrorCase("a = \"x\\", 1, 5, "unterminated string"),
        ErrorCase("a = 'abc", 1, 5, "unterminated literal string"),
        ErrorCase("a = 'abc\n'", 1, 5, "unterminated literal string"),
        ErrorCase("a = \"\"\"abc\n", 1, 5, "unterminated multi-line string"),
        ErrorCase("x = 1\na = '''abc\n\n", 2, 5, "unterminated multi-line literal string"),
        ErrorCase("a = \"x\u{01}\"", 1, 7, "control character U+0001 must be escaped"),
        ErrorCase("a = 'x\u{7F}'", 1, 7, "control character U+007F must be escaped"),
        ErrorCase("a = \"\"\"\n\u{1B}\"\"\"", 2, 1, "control character U+001B must be escaped"),
        ErrorCase("a = \"\"\"x\ry\"\"\"", 1, 9, "carriage return must be followed by a line feed"),
        ErrorCase("\"\"\"a\"\"\" = 1", 1, 1, "multi-line strings cannot be used as keys"),
        ErrorCase("'''a''' = 1", 1, 1, "multi-line strings cannot be used as keys"),
    ]

    static let values: [ErrorCase] = [
        ErrorCase("a = bad", 1, 5, "invalid value 'bad'; strings must be quoted"),
        ErrorCase("a = TRUE", 1, 5, "invalid value 'TRUE'; booleans are lowercase 'true' or 'false'"),
        ErrorCase("a = truex", 1, 5, "invalid value 'truex'; strings must be quoted"),
        ErrorCase("a = @", 1, 5, "expected a value, found '@'"),
        ErrorCase("a =", 1, 4, "expected a value, found end of file"),
        ErrorCase("a =\nb = 1", 1, 4, "expected a value, found end of line"),
        ErrorCase("d = 1979-05-27", 1, 5, "dates are not supported"),
        ErrorCase("d = 1979-05-27T07:32:00Z", 1, 5, "dates are not supported"),
        ErrorCase("d = 1979-05-27 07:32:00", 1, 5, "dates are not supported"),
        ErrorCase("d = 1979-05-27T00:32:00.999999-07:00", 1, 5, "dates are not supported"),
        ErrorCase("t = 07:32:00", 1, 5, "dates are not supported"),
        ErrorCase("a = [1979-05-27]", 1, 6, "dates are not supported"),
        ErrorCase("a = 01", 1, 5, "invalid number '01': leading zeros are not allowed"),
        ErrorCase("a = -01.5", 1, 5, "invalid number '-01.5': leading zeros are not allowed"),
        ErrorCase("a = 1__0", 1, 5, "invalid number '1__0': underscores must be between digits"),
        ErrorCase("a = 1_", 1, 5, "invalid number '1_': underscores must be between digits"),
        ErrorCase("a = 1_.5", 1, 5, "invalid number '1_.5': underscores must be between digits"),
        ErrorCase("a = 0x_1", 1, 5, "invalid number '0x_1'"),
        ErrorCase("a = 0x", 1, 5, "invalid number '0x': expected digits after '0x'"),
        ErrorCase("a = +0x10", 1, 5, "a sign is not allowed on hexadecimal, octal or binary integers"),
        ErrorCase("a = 0b102", 1, 5, "invalid number '0b102'"),
        ErrorCase("a = 0o8", 1, 5, "invalid number '0o8'"),
        ErrorCase("a = 0X10", 1, 5, "invalid number '0X10'"),
        ErrorCase("a = 9223372036854775808", 1, 5, "integer '9223372036854775808' does not fit in 64 bits"),
        ErrorCase("a = 0x8000000000000000", 1, 5, "integer '0x8000000000000000' does not fit in 64 bits"),
        ErrorCase("a = 1.", 1, 5, "invalid float '1.': expected a digit after the decimal point"),
        ErrorCase("a = 1.e5", 1, 5, "invalid float '1.e5': expected a digit after the decimal point"),
        ErrorCase("a = .5", 1, 5, "invalid number '.5'"),
        ErrorCase("a = 1e", 1, 5, "invalid float '1e': expected a digit in the exponent"),
        ErrorCase("a = 1e_5", 1, 5, "invalid float '1e_5': expected a digit in the exponent"),
        ErrorCase("a = 1.2.3", 1, 5, "invalid number '1.2.3'"),
        ErrorCase("a = 1e400", 1, 5, "float '1e400' is out of range"),
        ErrorCase("a = -", 1, 5, "invalid number '-'"),
        ErrorCase("a = +-1", 1, 5, "invalid number '+-1'"),
    ]

    static let structure: [ErrorCase] = [
        ErrorCase("a = 1 2", 1, 7, "unexpected '2' \(afterValue)"),
        ErrorCase("a = \"x\" \"y\"", 1, 9, "unexpected '\"' \(afterValue)"),
        ErrorCase("k = \"🚀\" x", 1, 9, "unexpected 'x' \(afterValue)"),
        ErrorCase("a = [1] ,", 1, 9, "unexpected ',' \(afterValue)"),
        ErrorCase("[a] b = 1", 1, 5, "unexpected 'b' after table header; expected a newline or a comment"),
        ErrorCase("a = 1\rb = 2", 1, 6, "carriage return must be followed by a line feed"),
        ErrorCase("a = 1 # c\rb = 2", 1, 10, "carriage return must be followed by a line feed"),
        ErrorCase("# bad \u{7F}", 1, 7, "control character U+007F is not allowed in comments"),
        ErrorCase("= 1", 1, 1, "expected a key, found '='"),
        ErrorCase("a 1", 1, 3, "expected '=' after key 'a', found '1'"),
        ErrorCase("a", 1, 2, "expected '=' after key 'a', found end of file"),
        ErrorCase("a.b\n= 1", 1, 4, "expected '=' after key 'a.b', found end of line"),
        ErrorCase("a.= 1", 1, 3, "expected a key after '.', found '='"),
        ErrorCase("a = 1\n\u{FEFF}b = 2", 2, 1, "expected a key, found U+FEFF"),
        ErrorCase("[a", 1, 3, "expected ']' to close the table header, found end of file"),
        ErrorCase("[a\n]", 1, 3, "expected ']' to close the table header, found end of line"),
        ErrorCase("[[a]", 1, 5, "expected ']]' to close the array of tables header, found end of file"),
        ErrorCase("[[a] ]", 1, 5, "expected ']]' to close the array of tables header, found U+0020"),
        ErrorCase("[]", 1, 2, "expected a key, found ']'"),
        ErrorCase("[a.]", 1, 4, "expected a key after '.', found ']'"),
        ErrorCase("a = [1, 2", 1, 5, "unterminated array"),
        ErrorCase("a = [\n1,\n# c\n", 1, 5, "unterminated array"),
        ErrorCase("a = [1 2]", 1, 8, "expected ',' or ']' after an array element, found '2'"),
        ErrorCase("a = [1,,2]", 1, 8, "expected a value, found ','"),
        ErrorCase("a = [,]", 1, 6, "expected a value, found ','"),
        ErrorCase("a = {x = 1,}", 1, 12, "trailing comma is not allowed in an inline table"),
        ErrorCase("a = {x = 1\n}", 1, 11, "newlines are not allowed inside an inline table"),
        ErrorCase("a = {\nx = 1}", 1, 6, "newlines are not allowed inside an inline table"),
        ErrorCase("a = {x = 1, # c\n}", 1, 13, "comments are not allowed inside an inline table"),
        ErrorCase("a = {", 1, 5, "unterminated inline table"),
        ErrorCase("a = {x = 1", 1, 5, "unterminated inline table"),
        ErrorCase(
            "a = {x = 1 y = 2}", 1, 12, "expected ',' or '}' after a value in an inline table, found 'y'"),
        ErrorCase("a = {x}", 1, 7, "expected '=' after key 'x', found '}'"),
        ErrorCase("a = {,}", 1, 6, "expected a key, found ','"),
    ]

    @Test(arguments: redefinitions)
    func redefinitionErrors(_ errorCase: ErrorCase) {
        expectError(errorCase)
    }

    @Test(arguments: strings)
    func stringErrors(_ errorCase: ErrorCase) {
        expectError(errorCase)
    }

    @Test(arguments: values)
    func valueErrors(_ errorCase: ErrorCase) {
        expectError(errorCase)
    }

    @Test(arguments: structure)
    func structureErrors(_ errorCase: ErrorCase) {
        expectError(errorCase)
    }

    @Test func tooDeeplyNestedArraysAreRejectedWithoutCrashing() {
        let source = "a = " + String(repeating: "[", count: 10_000)
        #expect(
            throws: TOMLError(line: 1, column: 104, message: "nesting is too deep (the limit is 100 levels)")
        ) {
            try TOMLParser.parse(source)
        }
    }

    @Test func tooDeeplyNestedInlineTablesAreRejectedWithoutCrashing() {
        let source = "a = " + String(repeating: "{b = ", count: 10_000)
        #expect(throws: TOMLError.self) {
            try TOMLParser.parse(source)
        }
    }

    @Test func tooLongHeaderIsRejected() {
        let source = "[" + Array(repeating: "a", count: 101).joined(separator: ".") + "]"
        #expect(
            throws: TOMLError(line: 1, column: 1, message: "nesting is too deep (the limit is 100 levels)")
        ) {
            try TOMLParser.parse(source)
        }
    }

    @Test func tooLongDottedKeyIsRejected() {
        let source = "[t]\n" + Array(repeating: "a", count: 100).joined(separator: ".") + " = 1"
        #expect(
            throws: TOMLError(line: 2, column: 1, message: "nesting is too deep (the limit is 100 levels)")
        ) {
            try TOMLParser.parse(source)
        }
    }

    @Test func errorDescriptionIncludesPosition() {
        let error = TOMLError(line: 3, column: 14, message: "duplicate key 'a'")
        #expect(error.description == "line 3, column 14: duplicate key 'a'")
        #expect("\(error)" == "line 3, column 14: duplicate key 'a'")
    }

    @Test func everyTruncationOfAValidDocumentFailsCleanlyOrParses() {
        // Exercises many partial inputs; each must either parse or throw a TOMLError, never trap.
        let document = """
            a = "x\\ty" # c
            b = [1, 2.5, 'z', \"""m\nl\""", '''r\nr''', {q = 0x1F}]
            [t."k"]
            c.d = true
            [[arr]]
            e = -inf
            """
        let scalars = Array(document.unicodeScalars)
        for length in 0...scalars.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[0..<length])
            do {
                _ = try TOMLParser.parse(String(prefix))
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }

    @Test func randomMutationsNeverTrap() {
        // A deterministic linear congruential generator keeps this test reproducible.
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let base = Array(
            #"""
            select = ["merge-runs", 'x', """a\
              b""", '''c'''] # c
            [passes."merge-runs"]
            max = 0x1F
            t = { a.b = 1.5e3, c = [true, -inf, "\u00e9"] }
            [[arr]]
            """#.unicodeScalars)
        var baseText = String.UnicodeScalarView()
        baseText.append(contentsOf: base)
        #expect((try? TOMLParser.parse(String(baseText))) != nil)
        let alphabet = Array("[]{}=,.\"'#\\\n\r\t xu0_+-:eE19aTz\u{0}\u{FEFF}é".unicodeScalars)
        for _ in 0..<2_000 {
            var scalars = base
            for _ in 0..<(1 + next(4)) {
                let index = next(scalars.count)
                switch next(3) {
                case 0: scalars[index] = alphabet[next(alphabet.count)]
                case 1: scalars.insert(alphabet[next(alphabet.count)], at: index)
                default: scalars.remove(at: index)
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            do {
                _ = try TOMLParser.parse(String(text))
            } catch {
                #expect(error.line >= 1 && error.column >= 1 && !error.message.isEmpty)
            }
        }
    }

    private func expectError(_ errorCase: ErrorCase, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = TOMLError(line: errorCase.line, column: errorCase.column, message: errorCase.message)
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try TOMLParser.parse(errorCase.source)
        }
    }
}
