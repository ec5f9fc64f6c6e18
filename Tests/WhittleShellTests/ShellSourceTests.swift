import Testing
import WhittleShell

@Suite("Logical to source mapping")
struct ShellSourceTests {
    /// `RUN apt-get update && \` + newline + `    apt-get install -y curl`, as BuildKit sees it: the
    /// escape and newline are removed, so the logical text has two segments.
    static let dockerfile = "RUN apt-get update && \\\n    apt-get install -y curl\n"

    static func source() -> ShellSource {
        let file = Array(dockerfile.utf8)
        let first = Array(file[4..<22])  // "apt-get update && "
        let second = Array(file[24..<51])  // "    apt-get install -y curl"
        return ShellSource(
            text: first + second,
            segments: [
                .init(logicalStart: 0, sourceStart: 4, length: first.count),
                .init(logicalStart: first.count, sourceStart: 24, length: second.count),
            ])
    }

    static func fileText(_ range: Range<Int>) -> String {
        String(decoding: Array(dockerfile.utf8)[range], as: UTF8.self)
    }

    @Test func offsetsMapThroughSegments() {
        let source = Self.source()
        #expect(source.sourceOffset(ofLogical: 0) == 4)
        #expect(source.sourceOffset(ofLogical: 17) == 21)
        #expect(source.sourceOffset(ofLogical: 18) == 24)
        #expect(source.sourceOffset(ofLogical: source.text.count) == 51)
        #expect(source.sourceEnd(ofLogical: 18) == 22)
    }

    @Test func commandSpansMapBackToTheDockerfile() {
        let source = Self.source()
        let script = parseShell(source)
        #expect(script.opaque == nil)
        #expect(script.commands.count == 2)
        let install = script.commands[1]
        #expect(Self.fileText(script.sourceRange(of: install.range)) == "apt-get install -y curl")
        #expect(Self.fileText(script.sourceRange(of: install.words[3].range)) == "curl")
        #expect(Self.fileText(script.sourceRange(of: script.commands[0].range)) == "apt-get update")
        let whole = script.sourceRange(of: script.body.range)
        #expect(Self.fileText(whole) == "apt-get update && \\\n    apt-get install -y curl")
    }

    @Test func singleSegmentAndEmptyText() {
        let source = ShellSource(text: Array("echo hi".utf8), sourceOffset: 100)
        #expect(source.sourceRange(ofLogical: 5..<7) == 105..<107)
        #expect(source.sourceRange(ofLogical: 7..<7) == 107..<107)
        let empty = ShellSource(text: [], sourceOffset: 9)
        #expect(empty.sourceOffset(ofLogical: 0) == 9)
        #expect(empty.sourceRange(ofLogical: 0..<0) == 9..<9)
        #expect(parseShell(empty).commands.isEmpty)
    }

    @Test func emptyRangeAtSegmentBoundary() {
        let source = Self.source()
        #expect(source.sourceRange(ofLogical: 18..<18) == 24..<24)
    }

    @Test func stringHelpers() {
        let source = ShellSource("héllo", sourceOffset: 0)
        #expect(source.string == "héllo")
        #expect(source.string(0..<3) == "hé")
        #expect(source.string(4..<99) == "lo")
    }
}
