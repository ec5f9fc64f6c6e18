import Testing
import WhittleShell

@Suite("Comments")
struct CommentTests {
    @Test func trailingComment() throws {
        let script = parse("apt-get update # refresh the index")
        let comment = try #require(script.trailingComment)
        #expect(script.text(comment) == "# refresh the index")
        #expect(script.endsInComment)
        #expect(script.commands.count == 1)
        #expect(script.text(script.commands[0].range) == "apt-get update")
    }

    @Test func commentFollowedByMoreLinesIsNotTrailing() {
        let script = parse("echo a # first\necho b")
        #expect(script.comments.count == 1)
        #expect(script.trailingComment == nil)
        #expect(!script.endsInComment)
        #expect(script.commands.count == 2)
    }

    @Test func commentEndedByNewlineIsNotTrailing() {
        let script = parse("echo a # c\n")
        #expect(script.trailingComment == nil)
    }

    @Test func hashThatIsNotAComment() {
        for text in [
            "echo a#b", "echo $#", "echo '#'", "echo \"#\"", "echo ${#x}", "echo \\#", "echo ${x#pre}",
        ] {
            let script = parse(text)
            #expect(script.comments.isEmpty, "\(text)")
            #expect(!script.endsInComment, "\(text)")
        }
    }

    @Test func dollarHashFollowedByComment() {
        let script = parse("echo $# # count")
        #expect(script.comments.count == 1)
        #expect(script.commands[0].args.count == 1)
        #expect(script.endsInComment)
    }

    @Test func commentOnlyScript() {
        let script = parse("# nothing to do")
        #expect(script.opaque == nil)
        #expect(script.commands.isEmpty)
        #expect(script.endsInComment)
    }

    @Test func commentAfterOperator() {
        let script = parse("a && # why\n b")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["a", "b"])
    }

    @Test func commentSwallowsOperators() {
        let script = parse("echo a # && echo b")
        #expect(script.commands.count == 1)
        #expect(script.endsInComment)
    }

    @Test func commentInsideSubstitution() {
        let script = parse("x=$(echo a # not ) here\n)")
        #expect(script.opaque == nil)
        #expect(script.comments.count == 1)
        #expect(!script.endsInComment)
    }
}
