import Testing
import WhittleSyntax

/// `KeyValue`: one pair of ENV, LABEL or ARG, and its value after quote removal.
@Suite("Key-value pairs")
struct KeyValueTests {
    @Test func valueRemovesQuotesAndEscapes() {
        #expect(KeyValue(key: "A", rawValue: "\"two words\"", range: 0..<0).value() == "two words")
        #expect(KeyValue(key: "A", rawValue: "'single $X'", range: 0..<0).value() == "single $X")
        #expect(KeyValue(key: "A", rawValue: #"three\ words"#, range: 0..<0).value() == "three words")
        #expect(
            KeyValue(key: "A", rawValue: #""quote \" inside""#, range: 0..<0).value() == "quote \" inside")
        #expect(KeyValue(key: "A", rawValue: "", range: 0..<0).value() == "")
    }

    @Test func argWithoutDefaultHasNoValue() {
        #expect(KeyValue(key: "VERSION", rawValue: nil, range: 0..<0).value() == nil)
    }

    @Test func variablesAreKeptAsWritten() {
        #expect(KeyValue(key: "P", rawValue: "$HOME/bin:$PATH", range: 0..<0).value() == "$HOME/bin:$PATH")
        do {
            #expect(KeyValue(key: "P", rawValue: "${HOME}/bin", range: 0..<0).value() == "${HOME}/bin")
        }
    }

    @Test func backtickEscape() {
        let pair = KeyValue(key: "P", rawValue: #""C:\tools" a` b"#, range: 0..<0)
        #expect(pair.value(escape: UInt8(ascii: "`")) == #"C:\tools a b"#)
    }

    @Test func rawValuesOfEnvAreWhatBuildKitKeeps() throws {
        let env = try Fixture.instruction(#"ENV A="x y" B=c\ d C='$e'"#)
        #expect(env.value == ["A", "\"x y\"", "B", #"c\ d"#, "C", "'$e'"])
    }

    @Test func keyValuesOfEnvLabelAndArg() throws {
        let file = try Fixture.parse("FROM a\nENV A=1 B=\"x y\"\nLABEL k v w\nARG N M=2\nRUN x\n")
        let env = file.keyValues(of: file.instructions[1])
        #expect(env.map(\.key) == ["A", "B"])
        #expect(env.map { $0.value() } == ["1", "x y"])
        #expect(env.map { file.instructions[1].text.string($0.range) } == ["A=1", "B=\"x y\""])
        let label = file.keyValues(of: file.instructions[2])
        #expect(label.map(\.key) == ["k"])
        #expect(label.first?.rawValue == "v w", "the legacy form keeps the rest of the line")
        let arg = file.keyValues(of: file.instructions[3])
        #expect(arg.map(\.key) == ["N", "M"])
        #expect(arg.map(\.rawValue) == [nil, "2"])
        #expect(file.keyValues(of: file.instructions[4]).isEmpty)
    }

    @Test func keyValuesAcrossAContinuationMapToTheSource() throws {
        let file = try Fixture.parse("FROM a\nENV A=1 \\\n    B=2\n")
        let env = file.instructions[1]
        let pairs = file.keyValues(of: env)
        #expect(pairs.map(\.key) == ["A", "B"])
        #expect(Fixture.text(file, env.text.sourceRange(ofLogical: pairs[1].range)) == "B=2")
    }

    @Test func keyValuesWithTheBacktickEscape() throws {
        let file = try Fixture.parse("# escape=`\nFROM a\nENV P=C:\\a` b\n")
        let pairs = file.keyValues(of: file.instructions[1])
        #expect(pairs.map { $0.value(escape: file.escape) } == ["C:\\a b"])
    }
}
