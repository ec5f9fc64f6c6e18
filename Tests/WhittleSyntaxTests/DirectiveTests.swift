import Testing
import WhittleSyntax

/// Parser directives: only at the very top, case-insensitive keys, once each, and `escape`.
@Suite("Directives")
struct DirectiveTests {
    @Test func directivesAtTheTop() throws {
        let text = "# syntax=docker/dockerfile:1.7\n# escape=`\n# check=skip=all;error=true\nFROM a\n"
        let file = try Fixture.parse(text)
        #expect(file.directives.map(\.name) == ["syntax", "escape", "check"])
        #expect(file.directive("syntax")?.value == "docker/dockerfile:1.7")
        #expect(file.directive("check")?.value == "skip=all;error=true")
        #expect(file.escape == UInt8(ascii: "`"))
        let syntax = try #require(file.directive("syntax"))
        #expect(Fixture.text(file, syntax.range) == "# syntax=docker/dockerfile:1.7\n")
        #expect(Fixture.text(file, syntax.valueRange) == "docker/dockerfile:1.7")
        #expect(file.error == nil)
    }

    @Test func keysAreCaseInsensitiveAndBlanksAreAllowed() throws {
        let file = try Fixture.parse("#SYNTAX = x \n \t#  Escape\t=\t`\t\nFROM a\n")
        #expect(file.directives.map(\.name) == ["syntax", "escape"])
        #expect(file.directive("syntax")?.value == "x")
        #expect(file.directive("escape")?.value == "`")
        #expect(file.escape == UInt8(ascii: "`"))
    }

    @Test func defaultEscapeIsBackslash() throws {
        #expect(try Fixture.parse("FROM a\n").escape == UInt8(ascii: "\\"))
    }

    @Test(
        "lines that end the directive section",
        arguments: ["# plain comment\n", "\n", "#\n", "# foo=bar\n", "FROM a\n", "# escape\n", "#escape:`\n"])
    func directiveSectionEnds(_ first: String) throws {
        let file = try Fixture.parse(first + "# escape=`\nFROM a\n")
        #expect(file.directive("escape") == nil)
        #expect(file.escape == UInt8(ascii: "\\"))
    }

    @Test func directiveAfterAnInstructionIsAComment() throws {
        let file = try Fixture.parse("FROM a\n# syntax=x\n")
        #expect(file.directives.isEmpty)
        guard case .comment = file.nodes[1] else {
            Issue.record("expected a comment node, got \(file.nodes[1])")
            return
        }
    }

    @Test func directiveAfterTheByteOrderMark() throws {
        let file = try Fixture.parse("\u{FEFF}# escape=`\nFROM a\n")
        #expect(file.escape == UInt8(ascii: "`"))
        #expect(file.directives.first?.range.lowerBound == 3)
    }

    @Test func duplicateDirectiveIsAnError() throws {
        let file = try Fixture.parse("# syntax=a\n# SYNTAX=b\nFROM a\n")
        let error = try #require(file.error)
        #expect(error.message == "only one syntax parser directive can be used")
        #expect(error.kind == .syntax)
        #expect(error.line == 2)
        #expect(file.instructions.count == 1, "the tree is still complete")
    }

    @Test(
        "invalid escape tokens",
        arguments: [("# escape=x\n", "x", 10), ("# escape=\\\\\n", "\\\\", 10), ("#escape= \n", " ", 9)])
    func invalidEscape(_ line: String, _ token: String, _ column: Int) throws {
        let file = try Fixture.parse(line + "FROM a\n")
        let error = try #require(file.error)
        #expect(error.message == "invalid escape token '\(token)' does not match ` or \\")
        #expect(error.line == 1)
        #expect(error.column == column)
    }

    @Test func emptyValueIsNotADirective() throws {
        let file = try Fixture.parse("# escape=\nFROM a\n")
        #expect(file.directives.isEmpty)
        #expect(file.error == nil)
    }

    @Test func checkDirectiveIsKnown() throws {
        // BuildKit learned `check` in v0.14; the oracle bindings (v0.12.5) do not know it and stop
        // reading directives there. whittle follows the newer BuildKit.
        let file = try Fixture.parse("# check=error=true\n# syntax=x\n# syntax=y\nFROM a\n")
        #expect(file.error?.message == "only one syntax parser directive can be used")
    }
}
