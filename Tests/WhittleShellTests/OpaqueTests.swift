import Testing
import WhittleShell

@Suite("Opaque scripts")
struct OpaqueTests {
    @Test func unterminatedConstructs() {
        let cases: [(String, OpaqueReason)] = [
            ("echo 'abc", .unterminatedSingleQuote(at: 5)),
            ("echo \"abc", .unterminatedDoubleQuote(at: 5)),
            ("echo $'abc", .unterminatedANSICString(at: 5)),
            ("echo `date", .unterminatedBackquote(at: 5)),
            ("echo $(date", .unterminatedCommandSubstitution(at: 5)),
            ("echo \"$(date\"", .unterminatedDoubleQuote(at: 12)),
            ("echo ${HOME", .unterminatedParameterExpansion(at: 5)),
            ("diff <(ls", .unterminatedProcessSubstitution(at: 5)),
            ("if true; then echo", .unterminatedCompound(keyword: "if", at: 0)),
            ("for x in a b; do echo", .unterminatedCompound(keyword: "for", at: 0)),
            ("while true; do :", .unterminatedCompound(keyword: "while", at: 0)),
            ("case $x in a) echo", .unterminatedCompound(keyword: "case", at: 0)),
            ("{ echo", .unterminatedCompound(keyword: "{", at: 0)),
            ("(echo", .unterminatedCompound(keyword: "(", at: 0)),
            ("[[ -n x", .unterminatedCompound(keyword: "[[", at: 0)),
        ]
        for (text, reason) in cases {
            #expect(parse(text).opaque == reason, "\(text)")
        }
    }

    @Test func unexpectedTokens() {
        let cases: [(String, String)] = [
            ("echo )", ")"), ("&& a", "&&"), ("a && && b", "&&"), ("a ;; b", ";;"), ("a | | b", "|"),
            ("then echo", "then"), ("echo a; fi", "fi"), ("if a; fi", "fi"), ("a &&", "end of input"),
            ("a |", "end of input"),
            ("echo a(b", "("), ("; a", ";"), ("in x", "in"), ("}", "}"), ("f() echo", "echo"),
        ]
        for (text, token) in cases {
            guard case .unexpectedToken(let found, _)? = parse(text).opaque else {
                Issue.record("\(text) is not an unexpected token: \(String(describing: parse(text).opaque))")
                continue
            }
            #expect(found == token, "\(text)")
        }
    }

    @Test func unsupportedBashSyntax() {
        let cases: [(String, UnsupportedConstruct)] = [
            ("coproc cat", .coproc), ("select x in a b; do echo; done", .select),
            ("((i++))", .arithmeticCommand),
            ("for ((i=0; i<3; i++)); do echo; done", .arithmeticFor), ("ls @(a|b)", .extendedGlob),
            ("ls !(x)", .extendedGlob), ("exec {fd}>file", .namedFileDescriptor),
            ("a=(1 2)", .arrayAssignment),
        ]
        for (text, construct) in cases {
            guard case .unsupported(let found, _)? = parse(text).opaque else {
                Issue.record("\(text) is not unsupported: \(String(describing: parse(text).opaque))")
                continue
            }
            #expect(found == construct, "\(text)")
        }
    }

    @Test func opaqueScriptsKeepTheirSourceAndHaveNoCommands() {
        let script = parse("apt-get update && echo \"oops")
        #expect(script.isOpaque)
        #expect(script.commands.isEmpty)
        #expect(script.body.items.isEmpty)
        #expect(script.source.string == "apt-get update && echo \"oops")
        #expect(script.packageManagerCommands.isEmpty)
        #expect(script.leakingState.isEmpty)
        #expect(script.trailingComment == nil)
    }

    @Test func nonPOSIXShellConstructor() {
        let script = ShellScript.opaque(ShellSource("Write-Host hi"), reason: .nonPOSIXShell)
        #expect(script.opaque == .nonPOSIXShell)
        #expect(script.commands.isEmpty)
        #expect(debugDescription(of: script) == "  opaque: the RUN uses a non-POSIX shell\n")
    }

    @Test func reasonsDescribeThemselves() {
        #expect(
            OpaqueReason.unterminatedDoubleQuote(at: 12).description
                == "unterminated double quote at offset 12")
        #expect(OpaqueReason.unsupported(.coproc, at: 0).category == "unsupported: coproc")
        #expect(OpaqueReason.unexpectedToken(")", at: 3).category == "unexpected )")
        #expect(OpaqueReason.nonPOSIXShell.offset == nil)
        #expect(OpaqueReason.missingRedirectionTarget(at: 4).offset == 4)
    }

    @Test func deepNestingIsOpaqueNotACrash() {
        let depth = 300
        let cases = [
            String(repeating: "$(", count: depth) + "x" + String(repeating: ")", count: depth),
            String(repeating: "( ", count: depth) + "x" + String(repeating: " )", count: depth),
            String(repeating: "{ ", count: depth) + "x;" + String(repeating: " }", count: depth),
            "echo " + String(repeating: "\"$(", count: depth) + "x" + String(repeating: ")\"", count: depth),
            "echo " + String(repeating: "${a:-", count: depth) + "x" + String(repeating: "}", count: depth),
            String(repeating: "if a; then ", count: depth) + "x" + String(repeating: "; fi", count: depth),
            "echo " + String(repeating: "<(", count: depth) + "x" + String(repeating: ")", count: depth),
        ]
        for text in cases {
            guard case .nestingTooDeep? = parse(text).opaque else {
                Issue.record("not too deep: \(text.prefix(20))")
                continue
            }
        }
        #expect(
            parse(String(repeating: "$(", count: 10) + "x" + String(repeating: ")", count: 10)).opaque == nil)
    }
}
