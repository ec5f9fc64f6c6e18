import Testing
import WhittleSyntax

/// Here-documents: which words open one, the body and terminator ranges, and the content.
@Suite("Heredocs")
struct HeredocTests {
    @Test func basicHeredocRanges() throws {
        let text = "FROM a\nRUN <<EOF\napk add x\necho done\nEOF\nRUN next\n"
        let file = try Fixture.parse(text)
        let run = file.instructions[1]
        let heredoc = try #require(run.heredocs.first)
        #expect(heredoc.name == "EOF")
        #expect(heredoc.fileDescriptor == 0)
        #expect(heredoc.expand)
        #expect(!heredoc.chomp)
        #expect(heredoc.content == "apk add x\necho done\n")
        #expect(Fixture.text(file, heredoc.bodyRange) == heredoc.content)
        #expect(Fixture.text(file, heredoc.terminatorRange) == "EOF\n")
        #expect(run.text.string(heredoc.wordRange) == "<<EOF")
        #expect(run.range.upperBound == heredoc.terminatorRange.upperBound)
        #expect(run.startLine == 2 && run.endLine == 5)
        #expect(file.instructions[2].startLine == 6)
    }

    @Test func chompStripsLeadingTabs() throws {
        let file = try Fixture.parse("FROM a\nRUN <<-EOT\n\techo a\n\t\techo b\n\tEOT\n")
        let heredoc = try #require(file.instructions[1].heredocs.first)
        #expect(heredoc.chomp)
        #expect(heredoc.content == "\techo a\n\t\techo b\n")
        #expect(heredoc.effectiveContent == "echo a\necho b\n")
        #expect(Fixture.text(file, heredoc.terminatorRange) == "\tEOT\n")
    }

    @Test func quotedWordsDoNotExpand() throws {
        let file = try Fixture.parse("FROM a\nRUN <<\"A\" <<'B' <<C\"D\" <<E\n1\nA\n2\nB\n3\nCD\n4\nE\n")
        let heredocs = file.instructions[1].heredocs
        #expect(heredocs.map(\.name) == ["A", "B", "CD", "E"])
        #expect(heredocs.map(\.expand) == [false, false, false, true])
        #expect(heredocs.map(\.content) == ["1\n", "2\n", "3\n", "4\n"])
    }

    @Test func fileDescriptors() throws {
        let file = try Fixture.parse("FROM a\nRUN 3<<X cat /dev/fd/3 <<Y\nx\nX\ny\nY\n")
        let heredocs = file.instructions[1].heredocs
        #expect(heredocs.map(\.fileDescriptor) == [3, 0])
        #expect(heredocs.map(\.name) == ["X", "Y"])
    }

    @Test func terminatorMustMatchTheWholeLine() throws {
        let file = try Fixture.parse("FROM a\nRUN <<EOF\n EOF\nEOF \nEOFX\neof\nEOF\n")
        let heredoc = try #require(file.instructions[1].heredocs.first)
        #expect(heredoc.content == " EOF\nEOF \nEOFX\neof\n")
    }

    @Test func crlfTerminator() throws {
        let file = try Fixture.parse("FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\nRUN y\r\n")
        let heredoc = try #require(file.instructions[1].heredocs.first)
        #expect(heredoc.content == "x\r\n")
        #expect(Fixture.text(file, heredoc.terminatorRange) == "EOF\r\n")
        #expect(file.instructions.count == 3)
    }

    @Test func terminatorAtEndOfFileWithoutNewline() throws {
        let file = try Fixture.parse("FROM a\nRUN <<EOF\nx\nEOF")
        let heredoc = try #require(file.instructions[1].heredocs.first)
        #expect(Fixture.text(file, heredoc.terminatorRange) == "EOF")
        #expect(file.error == nil)
    }

    @Test func copyAndAddHeredocs() throws {
        let file = try Fixture.parse(
            "FROM a\nCOPY <<a.txt <<b.txt /d/\nA\na.txt\nB\nb.txt\nADD <<X /x\n1\nX\n")
        #expect(file.instructions[1].heredocs.map(\.name) == ["a.txt", "b.txt"])
        #expect(file.instructions[1].value == ["<<a.txt", "<<b.txt", "/d/"])
        #expect(file.instructions[2].heredocs.map(\.content) == ["1\n"])
    }

    @Test func onbuildTriggerHeredocIsReadWithTheInstruction() throws {
        let file = try Fixture.parse("FROM a\nONBUILD RUN <<EOF\nx\nEOF\nRUN y\n")
        #expect(file.instructions.count == 3)
        #expect(file.instructions[1].endLine == 4)
        #expect(file.instructions[1].heredocs.map(\.content) == ["x\n"])
    }

    @Test(
        "words that do not open a heredoc",
        arguments: [
            "RUN cat<<EOF", "RUN echo \"<<EOF\"", "RUN echo '<<EOF'", "CMD <<EOF", "ENTRYPOINT <<EOF",
            "RUN [\"cat\", \"<<EOF\"]", "RUN echo <<<word", "RUN <<", "RUN <<-", "LABEL a=<<EOF",
        ])
    func notHeredocs(_ line: String) throws {
        let file = try Fixture.parse("FROM a\n\(line)\nEOF\n")
        #expect(file.instructions[1].heredocs.isEmpty)
        #expect(file.instructions.count == 3, "the EOF line is an instruction of its own")
    }

    @Test func redirectionIsPartOfTheName() throws {
        let file = try Fixture.parse("FROM a\nRUN cat <<EOF>out\nx\nEOF>out\n")
        #expect(file.instructions[1].heredocs.map(\.name) == ["EOF>out"])
    }

    @Test func unterminatedHeredocKeepsTheRestOfTheFile() throws {
        let text = "FROM a\nRUN <<EOF\nx\ny\n"
        let file = try Fixture.parse(text)
        let error = try #require(file.error)
        #expect(error.message == "unterminated heredoc")
        #expect(error.line == 2)
        #expect(error.column == 5, "at the <<EOF word")
        let heredoc = try #require(file.instructions[1].heredocs.first)
        #expect(heredoc.content == "x\ny\n")
        #expect(heredoc.terminatorRange.isEmpty)
        #expect(losslessnessProblem(file, Array(text.utf8)) == nil)
    }

    @Test func secondHeredocUnterminated() throws {
        let file = try Fixture.parse("FROM a\nRUN <<A <<B\na\nA\nb\n")
        #expect(file.error?.message == "unterminated heredoc")
        #expect(file.instructions[1].heredocs.map(\.name) == ["A", "B"])
    }

    @Test func effectiveContentWithCRLF() {
        let heredoc = Heredoc(
            name: "E", fileDescriptor: 0, expand: true, chomp: true, content: "\ta\r\n\t\tb\r\n",
            wordRange: 0..<0, bodyRange: 0..<0, terminatorRange: 0..<0)
        #expect(heredoc.effectiveContent == "a\r\nb\r\n")
    }

    @Test("a word that unquotes to nothing is not a heredoc", arguments: ["<<''", "<<\"\"", "<<''''"])
    func emptyQuotedName(_ word: String) throws {
        let file = try Fixture.parse("FROM a\nRUN \(word) cat\nRUN echo after\n")
        do {
            #expect(file.instructions[1].heredocs.isEmpty)
            #expect(file.instructions.count == 3)
            #expect(file.error == nil)
        }
    }

    @Test func trailingEscapeInTheWordIsDropped() throws {
        // With the backtick escape, `<<EOF\` at the end of the line is not a continuation, and
        // BuildKit's word lexer (which always uses backslash) drops the trailing backslash.
        let file = try Fixture.parse("# escape=`\nFROM a\nRUN <<EOF\\\nx\nEOF\n")
        do {
            #expect(file.instructions[1].heredocs.map(\.name) == ["EOF"])
            #expect(file.error == nil)
        }
    }
}
