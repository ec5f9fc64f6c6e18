import Testing
import WhittleShell

@Suite("Lists, pipelines and connectors")
struct ListTests {
    @Test func emptyAndBlankScripts() {
        for text in ["", "   ", "\n\n", " \t\n"] {
            let script = parse(text)
            #expect(script.opaque == nil)
            #expect(script.commands.isEmpty)
            #expect(script.body.items.isEmpty)
        }
    }

    @Test func connectorsBeforeEachCommand() {
        let script = parse("a && b || c; d & e | f |& g\nh")
        #expect(script.commands.map(\.name) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(
            script.commands.map(\.connectorBefore)
                == [nil, .and, .or, .semicolon, .background, .pipe, .pipeWithError, .newline])
    }

    @Test func listAndAndOrIndexes() {
        let script = parse("a && b; c || d && e")
        #expect(script.commands.map(\.listIndex) == [0, 0, 1, 1, 1])
        #expect(script.commands.map(\.andOrIndex) == [0, 1, 0, 1, 2])
    }

    @Test func itemTerminators() {
        let script = parse("a; b & c\nd")
        #expect(script.body.items.map(\.terminator) == [.semicolon, .background, .newline, nil])
        #expect(script.body.items[0].terminatorRange == 1..<2)
    }

    @Test func pipelineShape() {
        let script = parse("! curl -fsSL x | tar -xz | cat")
        let pipeline = script.body.items[0].andOr.pipelines[0]
        #expect(pipeline.isNegated)
        #expect(pipeline.commands.count == 3)
        #expect(pipeline.connectors == [.pipe, .pipe])
        #expect(pipeline.range == 0..<30)
        #expect(script.commands.map(\.context.pipelineIndex) == [0, 1, 2])
        #expect(script.commands.allSatisfy { $0.context.pipelineLength == 3 && $0.context.inPipeline })
    }

    @Test func newlineAfterAndOrOperatorAndPipe() {
        let script = parse("a &&\n  b ||\n c |\n d")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["a", "b", "c", "d"])
        #expect(script.body.items.count == 1)
    }

    @Test func trailingSemicolonAndAmpersand() {
        #expect(parse("a;").body.items.map(\.terminator) == [.semicolon])
        #expect(parse("a &").endsInBackground)
        #expect(!parse("a && b").endsInBackground)
    }

    @Test func andOrRanges() {
        let script = parse("  apt-get update  &&  apt-get install -y x ;  echo ok  ")
        let items = script.body.items
        #expect(script.text(items[0].andOr.range) == "apt-get update  &&  apt-get install -y x")
        #expect(script.text(items[0].range) == "apt-get update  &&  apt-get install -y x ;")
        #expect(script.text(items[1].range) == "echo ok")
        #expect(script.text(script.body.range) == "apt-get update  &&  apt-get install -y x ;  echo ok")
    }

    @Test func commandRangesExcludeBlanks() {
        let script = parse("a   b  >out   ;c")
        #expect(script.text(script.commands[0].range) == "a   b  >out")
    }

    @Test func commandsAreInSourceOrder() {
        let script = parse(#">"$(a)" b "$(c $(d))" 2>$(e); f"#)
        let starts = script.commands.map(\.range.lowerBound)
        #expect(starts == starts.sorted())
        #expect(script.commands.map(\.name) == ["b", "a", "c", "d", "e", "f"])
        #expect(script.commands.map(\.index) == Array(0..<script.commands.count))
    }

    @Test func bangIsAWordWhenNotFollowedByBlank() {
        let script = parse("!x")
        #expect(script.commands[0].name == "!x")
    }
}
