import Testing
import WhittleShell

@Suite("Compound commands and functions")
struct CompoundTests {
    func compound(_ script: ShellScript, item: Int = 0) -> CompoundCommand? {
        if case .compound(let command) = script.body.items[item].andOr.pipelines[0].commands[0] {
            return command
        }
        return nil
    }

    @Test func ifElifElse() throws {
        let text = "if [ -f a ]; then echo a; elif [ -f b ]; then echo b; else echo c; fi"
        let script = parse(text)
        let command = try #require(compound(script))
        #expect(command.range == 0..<text.utf8.count)
        #expect(command.keyword == "if")
        guard case .ifClause(let branches, let elseBody) = command.kind else {
            Issue.record("not an if")
            return
        }
        #expect(branches.count == 2)
        #expect(elseBody?.items.count == 1)
        #expect(script.commands.map(\.name) == ["[", "echo", "[", "echo", "echo"])
        #expect(script.commands.allSatisfy { !$0.isUnconditional && !$0.isTopLevel })
        #expect(script.commands.allSatisfy { $0.context.inConditionalCompound })
    }

    @Test func ifOnSeveralLines() {
        let script = parse("if true\nthen\n  echo yes\nfi\necho after")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["true", "echo", "echo"])
        #expect(script.commands[2].isUnconditional && script.commands[2].isTopLevel)
    }

    @Test func forLoopWithItems() throws {
        let text = "for f in a b \"$c\"; do echo $f; done"
        let script = parse(text)
        let command = try #require(compound(script))
        #expect(command.range == 0..<text.utf8.count)
        guard case .forLoop(let loop) = command.kind else {
            Issue.record("not a for")
            return
        }
        #expect(loop.variable == "f")
        #expect(loop.items?.map(\.raw) == ["a", "b", "\"$c\""])
        #expect(script.commands.map(\.name) == ["echo"])
    }

    @Test func forLoopWithoutIn() throws {
        let script = parse("for arg; do echo \"$arg\"; done; for x\ndo :; done")
        #expect(script.opaque == nil)
        guard case .forLoop(let loop) = try #require(compound(script)).kind else { return }
        #expect(loop.items == nil)
    }

    @Test func forLoopItemsWithSubstitution() {
        let script = parse("for key in $(cat keys); do gpg --recv-keys \"$key\"; done")
        #expect(script.commands.map(\.name) == ["cat", "gpg"])
        #expect(script.commands[0].inSubstitution)
        #expect(script.commands[0].context.parentCommand == nil)
    }

    @Test func whileAndUntil() {
        let script = parse("while read -r line; do echo \"$line\"; done < file; until false; do break; done")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["read", "echo", "false", "break"])
        guard case .compound(let loop) = script.body.items[0].andOr.pipelines[0].commands[0] else {
            Issue.record("not a loop")
            return
        }
        #expect(loop.redirections.map(\.target.literal) == ["file"])
        #expect(script.text(loop.range) == "while read -r line; do echo \"$line\"; done < file")
    }

    @Test func caseClause() throws {
        let text =
            "case \"$arch\" in\n  amd64|x86_64) a=1 ;;\n  (arm64) a=2 ;&\n  *) a=3 ;;&\n  i386) echo\nesac"
        let script = parse(text)
        let command = try #require(compound(script))
        #expect(command.range == 0..<text.utf8.count)
        guard case .caseClause(let clause) = command.kind else {
            Issue.record("not a case")
            return
        }
        #expect(clause.subject.raw == "\"$arch\"")
        #expect(
            clause.items.map { $0.patterns.map(\.raw) } == [["amd64", "x86_64"], ["arm64"], ["*"], ["i386"]])
        #expect(
            clause.items.map(\.terminator) == [
                .break, .fallThrough, .continueMatching, CaseItem.Terminator.none,
            ])
        #expect(script.commands.count == 4)
    }

    @Test func emptyCaseItemsAndEmptyCase() {
        #expect(parse("case $x in a) ;; b) ;; esac").opaque == nil)
        #expect(parse("case $x in esac").opaque == nil)
    }

    @Test func subshellAndGroup() throws {
        let script = parse("(cd /tmp && make) && { echo a; echo b; } > log")
        #expect(script.opaque == nil)
        let subshell = try #require(compound(script))
        #expect(subshell.range == 0..<17)
        #expect(subshell.keyword == "subshell")
        guard case .compound(let group) = script.body.items[0].andOr.pipelines[1].commands[0] else {
            Issue.record("not a group")
            return
        }
        #expect(group.keyword == "group")
        #expect(script.text(group.range) == "{ echo a; echo b; } > log")
        #expect(script.commands.allSatisfy { $0.isUnconditional && !$0.isTopLevel })
        #expect(script.commands[0].context.inSubshell)
        #expect(!script.commands[2].context.inSubshell)
    }

    @Test func braceWithoutBlankIsAWord() {
        let script = parse("echo {a} }")
        #expect(script.commands[0].args.map(\.literal) == ["{a}", "}"])
    }

    @Test func reservedWordsAreArgumentsAfterTheCommandName() {
        let script = parse("echo if then fi do done case esac { }")
        #expect(script.opaque == nil)
        #expect(script.commands.count == 1)
        #expect(script.commands[0].args.count == 9)
    }

    @Test func functionDefinitions() throws {
        let script = parse("f() { echo in f; }; function g { echo in g; }; function h() (echo h); f")
        #expect(script.opaque == nil)
        let definitions = script.body.items.compactMap { item -> FunctionDefinition? in
            if case .function(let definition) = item.andOr.pipelines[0].commands[0] { return definition }
            return nil
        }
        #expect(definitions.map(\.name) == ["f", "g", "h"])
        #expect(script.text(definitions[0].range) == "f() { echo in f; }")
        #expect(script.text(definitions[1].range) == "function g { echo in g; }")
        #expect(script.commands.map(\.context.inFunction) == [true, true, true, false])
        #expect(script.commands.map(\.isUnconditional) == [false, false, false, true])
    }

    @Test func functionBodyOnNextLine() {
        let script = parse("setup ()\n{\n  echo x\n}\nsetup")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["echo", "setup"])
    }

    @Test func nestedCompounds() {
        let script = parse(
            "for d in a b; do if [ -d $d ]; then (cd $d && while true; do break; done); fi; done")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["[", "cd", "true", "break"])
        #expect(script.commands.map(\.context.depth) == [2, 3, 4, 4])
    }

    @Test func doubleBracketIsOneCommandWithOperatorWords() {
        let script = parse("[[ -n \"$x\" && ( $y == a* || $z < 3 ) ]] && echo ok")
        #expect(script.opaque == nil)
        #expect(script.commands.count == 2)
        #expect(
            script.commands[0].words.map(\.raw) == [
                "[[", "-n", "\"$x\"", "&&", "(", "$y", "==", "a*", "||", "$z", "<", "3", ")", "]]",
            ])
        #expect(script.commands[1].connectorBefore == .and)
    }

    @Test func doubleBracketRegex() {
        let script = parse("if [[ $v =~ ^(a|b)$ ]]; then echo m; fi")
        #expect(script.opaque == nil)
        #expect(script.commands[0].words.map(\.raw) == ["[[", "$v", "=~", "^(a|b)$", "]]"])
    }

    @Test func singleBracketTest() {
        let script = parse("[ \"$a\" = b ] || exit 1")
        #expect(script.commands.map(\.name) == ["[", "exit"])
        #expect(script.commands[0].args.last?.literal == "]")
    }
}
