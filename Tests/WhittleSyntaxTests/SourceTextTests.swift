import Testing
import WhittleSyntax

/// `SourceText`: line starts, and line/column of byte offsets for reports.
@Suite("Source text")
struct SourceTextTests {
    @Test func lineStarts() {
        #expect(SourceText("").lineStarts == [0])
        #expect(SourceText("a\nb\n").lineStarts == [0, 2])
        #expect(SourceText("a\nb").lineStarts == [0, 2])
        #expect(SourceText("\n\n").lineStarts == [0, 1])
        #expect(SourceText("a\r\nb").lineStarts == [0, 3])
    }

    @Test func lineOfOffsets() {
        let text = SourceText("ab\ncd\n\nef")
        #expect((0...9).map { text.line(of: $0) } == [1, 1, 1, 2, 2, 2, 3, 4, 4, 4])
    }

    @Test func locationCountsUnicodeScalars() {
        // "é" is 2 bytes, "✓" 3, "🐳" 4.
        let text = SourceText("é✓🐳x\nyé")
        #expect(text.location(of: 0) == WhittleSyntax.SourceLocation(offset: 0, line: 1, column: 1))
        #expect(text.location(of: 2).column == 2)
        #expect(text.location(of: 5).column == 3)
        #expect(text.location(of: 9).column == 4)
        #expect(text.location(of: 10).column == 5, "the newline")
        #expect(text.location(of: 11) == WhittleSyntax.SourceLocation(offset: 11, line: 2, column: 1))
        #expect(text.location(of: 12).column == 2)
        #expect(text.location(of: 14).column == 3, "end of file")
    }

    @Test func locationInsideAMultiByteCharacterStaysOnIt() {
        let text = SourceText("é")
        #expect(text.location(of: 1).column == 2)
    }

    @Test func locationClampsOutOfRangeOffsets() {
        let text = SourceText("ab\ncd")
        #expect(text.location(of: -5).offset == 0)
        #expect(text.location(of: 99) == WhittleSyntax.SourceLocation(offset: 5, line: 2, column: 3))
    }

    @Test func lineRangeIncludesTheTerminator() {
        let text = SourceText("one\r\ntwo\nthree")
        #expect(text.string(text.lineRange(1)) == "one\r\n")
        #expect(text.string(text.lineRange(2)) == "two\n")
        #expect(text.string(text.lineRange(3)) == "three")
    }

    @Test func locationsCompareByOffsetAndPrintLineColumn() {
        let a = WhittleSyntax.SourceLocation(offset: 3, line: 1, column: 4)
        let b = WhittleSyntax.SourceLocation(offset: 7, line: 2, column: 1)
        #expect(a < b)
        #expect(b.description == "2:1")
    }

    @Test func invalidUTF8IsRepairedWhenDecoded() {
        let text = SourceText([0x61, 0xFF, 0x62])
        #expect(text.string(0..<3) == "a\u{FFFD}b")
    }
}
