import Testing
import WhittleSyntax

/// `VariableExpander`: BuildKit's substitution rules for FROM, COPY, ENV, ...
@Suite("Variable expander")
struct VariableExpanderTests {
    static let env: [String: String] = ["NAME": "world", "EMPTY": "", "VERSION": "3.12"]

    static func expand(_ text: String, escape: UInt8 = UInt8(ascii: "\\")) -> VariableExpander.Expansion {
        VariableExpander(escape: escape).expand(text) { env[$0] }
    }

    @Test(
        "substitution forms",
        arguments: [
            ("$NAME", "world"), ("${NAME}", "world"), ("a${NAME}b", "aworldb"), ("$NAME.txt", "world.txt"),
            ("${NAME:-d}", "world"), ("${EMPTY:-d}", "d"), ("${UNSET:-d}", "d"),
            ("${NAME-d}", "world"), ("${EMPTY-d}", ""), ("${UNSET-d}", "d"),
            ("${NAME:+alt}", "alt"), ("${EMPTY:+alt}", ""), ("${UNSET:+alt}", ""),
            ("${NAME+alt}", "alt"), ("${EMPTY+alt}", "alt"), ("${UNSET+alt}", ""),
            ("${UNSET:-${NAME}}", "world"), ("python:${VERSION}-slim", "python:3.12-slim"),
            ("$", "$"), ("a$", "a$"), ("$-x", "$-x"), ("100%", "100%"),
        ])
    func forms(_ input: String, _ expected: String) {
        let result = Self.expand(input)
        #expect(result.value == expected)
        #expect(!result.unsupported)
    }

    @Test func quotes() {
        #expect(Self.expand("'$NAME'").value == "$NAME")
        #expect(Self.expand("\"$NAME\"").value == "world")
        #expect(Self.expand("\"a b\"'c d'").value == "a bc d")
        #expect(Self.expand(#""say \"hi\"""#).value == "say \"hi\"")
        #expect(Self.expand(#""keep \n""#).value == #"keep \n"#)
        #expect(Self.expand(#""\$NAME""#).value == "$NAME")
    }

    @Test func escapes() {
        #expect(Self.expand(#"\$NAME"#).value == "$NAME")
        #expect(Self.expand(#"a\ b"#).value == "a b")
        #expect(Self.expand(#"trailing\"#).value == "trailing")
        let backtick = UInt8(ascii: "`")
        #expect(Self.expand("`$NAME", escape: backtick).value == "$NAME")
        #expect(Self.expand(#"C:\path\$NAME"#, escape: backtick).value == #"C:\path\world"#)
    }

    @Test func unresolvedNames() {
        let result = Self.expand("$A ${B} ${C:-x} ${NAME:+$D} ${E:-$F}")
        #expect(result.value == "  x  ")
        #expect(result.unresolved == ["A", "B", "D", "F"])
        #expect(Self.expand("${UNSET:?must be set}").unresolved == ["UNSET"])
        #expect(Self.expand("${NAME:?must be set}").value == "world")
    }

    @Test func unsupportedForms() {
        #expect(Self.expand("${NAME/o/0}").unsupported)
        #expect(Self.expand("${}").unsupported)
        #expect(Self.expand("${NAME").unsupported)
        #expect(!Self.expand("$NAME").unsupported)
    }

    @Test func unquoteRemovesQuotesAndEscapesOnly() {
        let expander = VariableExpander()
        #expect(expander.unquote(#""a b" c\ d 'e'"#) == "a b c d e")
        #expect(expander.unquote("$HOME/bin") == "$HOME/bin")
    }

    @Test func unquoteKeepsBracedVariablesAsWritten() {
        do {
            let expander = VariableExpander()
            #expect(expander.unquote("${HOME}/bin") == "${HOME}/bin")
            #expect(expander.unquote("${A:-default}") == "${A:-default}")
        }
    }
}
