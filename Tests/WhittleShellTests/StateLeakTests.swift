import Testing
import WhittleShell

@Suite("State that leaks into later commands")
struct StateLeakTests {
    func kinds(_ text: String) -> [StateLeak.Kind] { parse(text).leakingState.map(\.kind) }

    @Test func eachKind() {
        let cases: [(String, StateLeak.Kind)] = [
            ("cd /app", .changeDirectory), ("pushd /x", .changeDirectory), ("export A=1", .export),
            ("set -eux", .shellOption), ("set -o pipefail", .shellOption), ("umask 022", .umask),
            ("source /etc/profile", .source), (". ~/.nvm/nvm.sh", .source), ("alias ll='ls -l'", .alias),
            ("trap 'rm -f x' EXIT", .trap), ("exec nginx", .exec), ("exec 2>&1", .exec), ("exit 0", .exit),
            ("shopt -s globstar", .shopt), ("ulimit -n 1024", .ulimit), ("A=1", .assignment),
            ("unset A", .unset),
            ("declare -x A=1", .declare), ("read -r v < f", .assignment), ("eval \"$(ssh-agent)\"", .eval),
            ("f() { :; }", .functionDefinition), ("sleep 10 &", .background),
        ]
        for (text, kind) in cases {
            #expect(kinds(text).contains(kind), "\(text)")
        }
    }

    @Test func nonLeaks() {
        for text in [
            "A=1 make", "set", "umask", "(cd /x && make)", "x=$(cd /x; pwd)", "cd /x | cat", "echo cd",
            "env cd /x", "f() { cd /x; }", "alias", "sh -c 'cd /x'",
        ] {
            let leaks = parse(text).leakingState.filter {
                $0.kind != .functionDefinition && $0.kind != .assignment
            }
            #expect(leaks.isEmpty, "\(text)")
        }
        #expect(kinds("x=$(cd /x; pwd)") == [.assignment])
    }

    @Test func conditionalLeaks() {
        let leaks = parse("cd /a && if [ -d b ]; then cd b; fi; { export X=1; }; true || cd /c").leakingState
        #expect(leaks.map(\.kind) == [.changeDirectory, .changeDirectory, .export, .changeDirectory])
        #expect(leaks.map(\.isConditional) == [false, true, false, true])
    }

    @Test func rangesPointAtTheCommand() {
        let script = parse("make && cd /x && make")
        let leak = script.leakingState[0]
        #expect(script.text(leak.range) == "cd /x")
        #expect(leak.commandIndex == 1)
    }

    @Test func commandBuiltinStillLeaks() {
        #expect(kinds("command cd /x") == [.changeDirectory])
        #expect(kinds("builtin export A") == [.export])
    }

    @Test func exitOrExecAndBackground() {
        #expect(parse("make || exit 1").hasTopLevelExitOrExec)
        #expect(parse("exec \"$@\"").hasTopLevelExitOrExec)
        #expect(!parse("(exit 1); make").hasTopLevelExitOrExec)
        #expect(parse("server &").endsInBackground)
        #expect(parse("server & sleep 1").leakingState.map(\.kind) == [.background])
        #expect(!parse("server & sleep 1").endsInBackground)
    }
}
