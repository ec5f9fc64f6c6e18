import Testing
import WhittleSyntax

/// `MappedText`: the logical line of an instruction and its map back to the file.
@Suite("Mapped text")
struct MappedTextTests {
    static let source = "FROM a\nRUN one \\\n  # note\n  two \\\n\n three\n"

    static func run() throws -> (Dockerfile, MappedText) {
        let file = try Fixture.parse(source)
        return (file, file.instructions[1].text)
    }

    @Test func logicalTextJoinsTheLines() throws {
        let (_, text) = try Self.run()
        #expect(text.string == "RUN one   two  three")
        #expect(text.segments.count == 3)
        #expect(text.segments.map(\.logicalStart) == [0, 8, 14])
    }

    @Test func segmentsCoverTheLogicalBytes() throws {
        let (file, text) = try Self.run()
        var next = 0
        for segment in text.segments {
            #expect(segment.logicalStart == next)
            let logical = Array(text.bytes[segment.logicalStart..<segment.logicalStart + segment.length])
            let source = Array(file.source.bytes[segment.sourceStart..<segment.sourceStart + segment.length])
            #expect(logical == source)
            next += segment.length
        }
        #expect(next == text.bytes.count)
    }

    @Test func sourceOffsetOfEveryLogicalByte() throws {
        let (file, text) = try Self.run()
        for offset in 0..<text.bytes.count {
            #expect(file.source.bytes[text.sourceOffset(ofLogical: offset)] == text.bytes[offset])
        }
        let end = text.sourceOffset(ofLogical: text.bytes.count)
        #expect(file.source.bytes[end] == UInt8(ascii: "\n"), "the end maps after the last piece")
    }

    @Test func sourceRangeSpansTheSkippedLines() throws {
        let (file, text) = try Self.run()
        let one = try #require(text.string.range(of: "one"))
        let three = try #require(text.string.range(of: "three"))
        let lo = text.string.utf8.distance(from: text.string.startIndex, to: one.lowerBound)
        let hi = text.string.utf8.distance(from: text.string.startIndex, to: three.upperBound)
        let source = text.sourceRange(ofLogical: lo..<hi)
        #expect(Fixture.text(file, source) == "one \\\n  # note\n  two \\\n\n three")
        #expect(!text.isContiguous(lo..<hi))
        #expect(text.isContiguous(lo..<lo + 3))
    }

    @Test func emptyRangeMapsToAPosition() throws {
        let (_, text) = try Self.run()
        let at = text.sourceRange(ofLogical: 9..<9)
        #expect(at.isEmpty)
        #expect(at.lowerBound == text.sourceOffset(ofLogical: 9))
    }

    @Test func sliceKeepsTheMap() throws {
        let (file, text) = try Self.run()
        let slice = text.slice(4..<text.bytes.count)
        #expect(slice.string == "one   two  three")
        #expect(slice.segments.first?.logicalStart == 0)
        for offset in 0..<slice.bytes.count {
            #expect(slice.sourceOffset(ofLogical: offset) == text.sourceOffset(ofLogical: offset + 4))
        }
        #expect(Fixture.text(file, slice.sourceRange(ofLogical: 0..<slice.bytes.count)).hasSuffix("three"))
        #expect(text.slice(0..<0).bytes.isEmpty)
    }

    @Test func emptyMappedText() {
        let text = MappedText()
        #expect(text.sourceOffset(ofLogical: 0) == 0)
        #expect(text.string.isEmpty)
    }

    @Test func multiByteCharactersMapByteForByte() throws {
        let file = try Fixture.parse("FROM a\nRUN echo é \\\n  ✓\n")
        let text = file.instructions[1].text
        #expect(text.string == "RUN echo é   ✓")
        let check = try #require(text.string.range(of: "✓"))
        let lo = text.string.utf8.distance(from: text.string.startIndex, to: check.lowerBound)
        #expect(Fixture.text(file, text.sourceRange(ofLogical: lo..<lo + 3)) == "✓")
    }
}
