import Testing
import WhittleShell

/// `isUnconditional`, `isTopLevel` and the rest of `CommandContext`.
@Suite("Command context")
struct ContextTests {
    func unconditional(_ text: String) -> [String: Bool] {
        var result: [String: Bool] = [:]
        for command in parse(text).commands { result[command.name ?? "?"] = command.isUnconditional }
        return result
    }

    @Test func installInsideIfIsConditional() {
        let result = unconditional("if [ -n \"$X\" ]; then apt-get install -y x; fi")
        #expect(result["apt-get"] == false)
        #expect(result["["] == false)
    }

    @Test func rightOfOrIsConditional() {
        #expect(unconditional("a || b") == ["a": true, "b": false])
    }

    @Test func everythingAfterAnOrInTheSameAndOrListIsConditional() {
        #expect(unconditional("a || b && c; d") == ["a": true, "b": false, "c": false, "d": true])
    }

    @Test func andChainIsUnconditional() {
        #expect(unconditional("a && b && c") == ["a": true, "b": true, "c": true])
    }

    @Test func semicolonAndNewlineReachTheNextCommand() {
        #expect(unconditional("a; b\nc") == ["a": true, "b": true, "c": true])
    }

    @Test func pipelineMembersAreUnconditional() {
        #expect(unconditional("a | b") == ["a": true, "b": true])
    }

    @Test func backgroundIsConditional() {
        let script = parse("server & sleep 1")
        #expect(script.commands.map(\.isUnconditional) == [false, true])
        #expect(script.commands[0].context.isBackground)
        #expect(!script.commands[0].context.runsInCurrentShell)
    }

    @Test func loopsCaseAndFunctionsAreConditional() {
        #expect(unconditional("for x in a; do a; done") == ["a": false])
        #expect(unconditional("while b; do a; done") == ["a": false, "b": false])
        #expect(unconditional("case x in x) a;; esac") == ["a": false])
        #expect(unconditional("f() { a; }") == ["a": false])
    }

    @Test func subshellsAndGroupsInheritTheirPosition() {
        #expect(unconditional("(a; b) && { c; }") == ["a": true, "b": true, "c": true])
        #expect(unconditional("x || (a)") == ["x": true, "a": false])
        #expect(unconditional("x || { a; }") == ["x": true, "a": false])
        #expect(unconditional("(x || a)") == ["x": true, "a": false])
    }

    @Test func substitutionsAreConditionalAndFlagged() {
        let script = parse("echo \"$(date)\"")
        #expect(script.commands[1].inSubstitution)
        #expect(!script.commands[1].isUnconditional)
        #expect(!script.commands[1].isTopLevel)
        #expect(script.commands[1].context.parentCommand == 0)
        #expect(script.commands[0].isTopLevel && script.commands[0].isUnconditional)
    }

    @Test func topLevelOnlyOutsideEverything() {
        let script = parse("a; (b); { c; }; if d; then e; fi; f")
        #expect(script.commands.map(\.isTopLevel) == [true, false, false, false, false, true])
        #expect(script.topLevelCommands.map(\.name) == ["a", "f"])
    }

    @Test func runsInCurrentShell() {
        let script = parse("cd /a; (cd /b); cd /c | cat; x=$(cd /d); { cd /e; }; if t; then cd /f; fi")
        let cds = script.commands.filter { $0.name == "cd" }
        #expect(cds.map(\.context.runsInCurrentShell) == [true, false, false, false, true, true])
    }

    @Test func firstCommandOfACompoundBodyHasNoConnector() {
        let script = parse("a && if b; then c; fi")
        #expect(script.commands.map(\.connectorBefore) == [nil, nil, nil])
    }

    @Test func commandAfterCompoundGetsItsConnector() {
        let script = parse("(a) || b")
        #expect(script.commands[1].connectorBefore == .or)
    }
}
