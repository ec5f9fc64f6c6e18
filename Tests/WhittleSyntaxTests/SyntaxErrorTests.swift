import Testing
import WhittleSyntax

/// Errors BuildKit reports for text that is readable: messages, lines, and a tree that stays whole.
@Suite("Syntax errors")
struct SyntaxErrorTests {
    @Test func description() {
        let error = SyntaxError(.syntax, "unterminated heredoc", line: 3, column: 5)
        #expect(error.description == "3:5: error: unterminated heredoc")
        #expect(SyntaxError(.unreadable, "x", line: 1).column == 1)
    }

    @Test(
        "messages as BuildKit words them",
        arguments: [
            ("", "file with no instructions", 1),
            ("# only\n\n# comments\n", "file with no instructions", 3),
            ("FROM a\nENV NAME\n", "ENV must have two arguments", 2),
            ("FROM a\nLABEL name\n", "LABEL must have two arguments", 2),
            (
                "FROM a\nENV a=b c\n",
                "Syntax error - can't find = in \"c\". Must be of the form: name=value", 2
            ),
            (
                "FROM a\nCMD [\"a\", 1]\n",
                "when using JSON array syntax, arrays must be comprised of strings only", 2
            ),
            (
                "FROM a\nCOPY [\"a\", null]\n",
                "when using JSON array syntax, arrays must be comprised of strings only", 2
            ),
            ("FROM a\nRUN <<EOF\n", "unterminated heredoc", 2),
            ("FROM a\nRUN x \\\n  y\nENV z\n", "ENV must have two arguments", 4),
        ])
    func messages(_ text: String, _ message: String, _ line: Int) throws {
        let file = try Fixture.parse(text)
        let error = try #require(file.error)
        #expect(error.message == message)
        #expect(error.kind == .syntax)
        #expect(error.line == line)
        #expect(file.printed() == Array(text.utf8))
    }

    @Test func errorLineOfAMultiLineInstructionIsItsFirstLine() throws {
        let file = try Fixture.parse("FROM a\nENV \\\n  NAME\n")
        #expect(file.error?.line == 2)
    }

    @Test func firstErrorWins() throws {
        let file = try Fixture.parse("FROM a\nENV x\nCMD [1]\n")
        #expect(file.error?.message == "ENV must have two arguments")
    }

    @Test func validArgumentsAreNotErrors() throws {
        for text in [
            "FROM a\nENV a=\n", "FROM a\nARG a\n", "FROM a\nCMD []\n", "FROM a\nLABEL a \"\"\n",
            "FROM a\nFOO\n",
        ] {
            #expect(try Fixture.parse(text).error == nil, "\(text)")
        }
    }

    @Test func lineLengthLimit() throws {
        let ok = "FROM a\nRUN " + String(repeating: "a", count: 65_531) + "\n"
        #expect(try Fixture.parse(ok).error == nil, "65,535 bytes and a newline")
        let long = "FROM a\nRUN " + String(repeating: "a", count: 65_532) + "\n"
        let error = try #require(try Fixture.parse(long).error)
        #expect(error.message == "dockerfile line greater than max allowed size of 65535")
        #expect(error.line == 2)
        let crlf = "FROM a\r\nRUN " + String(repeating: "a", count: 65_531) + "\r\n"
        #expect(try Fixture.parse(crlf).error != nil, "the CR counts")
    }

    @Test func lineLengthLimitOnALastLineWithoutNewline() throws {
        let last = "FROM a\nRUN " + String(repeating: "a", count: 65_532)
        let file = try Fixture.parse(last)
        do {
            #expect(file.error != nil)
        }
    }
}
