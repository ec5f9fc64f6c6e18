import Testing
import WhittleTOML

@Suite("Comments, whitespace and line endings")
struct CommentsAndWhitespaceTests {
    @Test func emptyDocumentIsEmptyTable() throws {
        #expect(try TOMLParser.parse("") == TOMLTable())
        #expect(try TOMLParser.parse("").isEmpty)
    }

    @Test func onlyCommentsAndBlankLines() throws {
        let source = """
            # a comment

               # indented comment\t
            \t
            #
            """
        #expect(try TOMLParser.parse(source) == TOMLTable())
    }

    @Test func commentsAfterValuesAndHeaders() throws {
        let source = """
            a = 1 # trailing
            b = "# not a comment" #comment
            c = true#tight
            [t] # header comment
            d = [1] # array comment
            """
        let expected: TOMLTable = [
            "a": 1, "b": "# not a comment", "c": true, "t": ["d": [1]],
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func crlfLineEndings() throws {
        let source = "# comment\r\na = 1\r\n\r\n[t]\r\nb = \"x\"\r\n"
        #expect(try TOMLParser.parse(source) == ["a": 1, "t": ["b": "x"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try TOMLParser.parse("\u{FEFF}a = 1\n") == ["a": 1])
        #expect(try TOMLParser.parse("\u{FEFF}") == TOMLTable())
    }

    @Test func byteOrderMarkDoesNotShiftColumns() {
        #expect(throws: TOMLError(line: 1, column: 5, message: "invalid value 'x'; strings must be quoted")) {
            try TOMLParser.parse("\u{FEFF}a = x")
        }
    }

    @Test func tabsAndSpacesAroundTokens() throws {
        let source = "\t a\t=\t1 \t\n  [ t ]  \n\tb =  2"
        #expect(try TOMLParser.parse(source) == ["a": 1, "t": ["b": 2]])
    }

    @Test func noTrailingNewlineRequired() throws {
        #expect(try TOMLParser.parse("a = 'x'") == ["a": "x"])
        #expect(try TOMLParser.parse("a = 'x' # c") == ["a": "x"])
    }

    @Test func unicodeInComments() throws {
        #expect(try TOMLParser.parse("# héllo 🚀 wörld\na = 1") == ["a": 1])
    }
}
