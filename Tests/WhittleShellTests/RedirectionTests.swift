import Testing
import WhittleShell

@Suite("Redirections and here-documents")
struct RedirectionTests {
    func redirections(_ text: String) -> [Redirection] {
        parse(text).commands.first?.redirections ?? []
    }

    @Test func operators() {
        let list = redirections("cmd <in >out >>app <>rw >|clob 2>&1 &>both &>>both2 >&- 3<&0 9>lock <<<here")
        #expect(
            list.map(\.op) == [
                .input, .output, .append, .readWrite, .clobber, .duplicateOutput, .outputAndError,
                .appendOutputAndError, .duplicateOutput, .duplicateInput, .output, .hereString,
            ])
        #expect(
            list.map(\.target.raw) == [
                "in", "out", "app", "rw", "clob", "1", "both", "both2", "-", "0", "lock", "here",
            ])
        #expect(list.map(\.fileDescriptor) == [nil, nil, nil, nil, nil, 2, nil, nil, nil, 3, 9, nil])
        #expect(list.map(\.effectiveFileDescriptor) == [0, 1, 1, 0, 1, 2, 1, 1, 1, 3, 9, 0])
        #expect(list[8].closesDescriptor)
        #expect(!list[5].writesFile && list[1].writesFile)
    }

    @Test func redirectionRangesAndBlanks() {
        let script = parse("echo hi 2> /dev/null > out")
        let list = script.commands[0].redirections
        #expect(script.text(list[0].range) == "2> /dev/null")
        #expect(script.text(list[0].operatorRange) == ">")
        #expect(script.text(list[1].range) == "> out")
        #expect(script.commands[0].words.map(\.raw) == ["echo", "hi"])
    }

    @Test func redirectionBeforeTheCommandName() {
        let script = parse(">/dev/null 2>&1 command -v git")
        #expect(script.commands[0].name == "command")
        #expect(script.commands[0].redirections.count == 2)
    }

    @Test func redirectionOnlyCommand() {
        let script = parse(": > file; > other")
        #expect(script.opaque == nil)
        #expect(script.commands[1].words.isEmpty)
        #expect(script.commands[1].redirections.count == 1)
    }

    @Test func numberNotFollowedByOperatorIsAWord() {
        let script = parse("echo 2 > x")
        #expect(script.commands[0].args.map(\.literal) == ["2"])
        #expect(script.commands[0].redirections[0].fileDescriptor == nil)
    }

    @Test func hereStringWithQuotes() {
        let list = redirections("grep -q x <<< \"$VAR\"")
        #expect(list[0].op == .hereString)
        #expect(list[0].target.parameterNames == ["VAR"])
    }

    @Test func heredocInsideAScript() throws {
        let text = "cat <<EOF > /etc/app.conf\nkey=$VALUE\nother=1\nEOF\necho done"
        let script = parse(text)
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["cat", "echo"])
        let heredoc = try #require(script.commands[0].redirections[0].heredoc)
        #expect(heredoc.delimiter == "EOF")
        #expect(!heredoc.isQuoted && !heredoc.stripsTabs)
        #expect(script.text(heredoc.body) == "key=$VALUE\nother=1\n")
        #expect(heredoc.delimiterLine.map(script.text) == "EOF")
        #expect(script.commands[0].redirections[1].target.literal == "/etc/app.conf")
        #expect(script.commands[1].connectorBefore == .newline)
    }

    @Test func quotedAndTabStrippingHeredocs() throws {
        let text = "cat <<-'END' | sh\n\techo $(whoami)\n\tEND\ntrue"
        let script = parse(text)
        #expect(script.opaque == nil)
        let heredoc = try #require(script.commands[0].redirections[0].heredoc)
        #expect(heredoc.isQuoted && heredoc.stripsTabs)
        #expect(heredoc.delimiter == "END")
        #expect(script.text(heredoc.body) == "\techo $(whoami)\n")
        // The body is data: its `$(whoami)` is not a command of the script.
        #expect(script.commands.map(\.name) == ["cat", "sh", "true"])
    }

    @Test func twoHeredocsOnOneLine() throws {
        let script = parse("paste <<A <<B\n1\nA\n2\nB\necho end")
        let list = script.commands[0].redirections
        #expect(list.compactMap(\.heredoc).map { script.text($0.body) } == ["1\n", "2\n"])
        #expect(script.commands.map(\.name) == ["paste", "echo"])
    }

    @Test func heredocOnACompoundCommand() throws {
        let script = parse("while read l; do echo $l; done <<EOF\na\nb\nEOF")
        #expect(script.opaque == nil)
        guard case .compound(let loop) = script.body.items[0].andOr.pipelines[0].commands[0] else {
            Issue.record("not a compound")
            return
        }
        let heredoc = try #require(loop.redirections[0].heredoc)
        #expect(script.text(heredoc.body) == "a\nb\n")
    }

    @Test func heredocWithoutBodyOnTheLastLine() throws {
        let script = parse("cat <<EOF")
        #expect(script.opaque == nil)
        let heredoc = try #require(script.commands[0].redirections[0].heredoc)
        #expect(heredoc.body.isEmpty)
        #expect(!heredoc.isTerminated)
    }

    @Test func unterminatedHeredocTakesTheRest() throws {
        let script = parse("cat <<EOF\nline\nmore")
        let heredoc = try #require(script.commands[0].redirections[0].heredoc)
        #expect(script.text(heredoc.body) == "line\nmore")
        #expect(heredoc.delimiterLine == nil)
    }

    @Test func heredocInsideCommandSubstitution() throws {
        let script = parse("x=$(cat <<EOF\nhello )\nEOF\n); echo $x")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == [nil, "cat", "echo"])
    }

    @Test func missingTarget() {
        #expect(parse("echo >").opaque == .missingRedirectionTarget(at: 5))
        #expect(parse("echo > ; ls").opaque == .missingRedirectionTarget(at: 5))
    }
}
