import Testing
import WhittleDiff

@Suite("Hunks")
struct LineDiffTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func hunkFieldsFollowHeaderConventions() {
        let hunks = LineDiff.hunks(
            old: bytes(DiffFixture.numbered(5)), new: bytes(DiffFixture.numbered(5, replacing: [3: "3\nx"])),
            context: 0)
        #expect(
            hunks == [Hunk(oldStart: 3, oldCount: 0, newStart: 4, newCount: 1, lines: [.added(bytes("x\n"))])]
        )
        #expect(hunks.first?.oldIndex == 3)
        #expect(hunks.first?.newIndex == 3)
        #expect(hunks.first?.header == "@@ -3,0 +4 @@")
    }

    @Test func linesKeepTheirTerminators() {
        let hunks = LineDiff.hunks(old: bytes("a\r\nb"), new: bytes("a\r\nc"))
        #expect(
            hunks == [
                Hunk(
                    oldStart: 1, oldCount: 2, newStart: 1, newCount: 2,
                    lines: [.context(bytes("a\r\n")), .removed(bytes("b")), .added(bytes("c"))])
            ])
        #expect(hunks.first?.lines.map(\.hasNewline) == [true, false, false])
        #expect(hunks.first?.oldBytes == bytes("a\r\nb"))
        #expect(hunks.first?.newBytes == bytes("a\r\nc"))
    }

    @Test func removalsPrecedeAdditionsWithinAChange() {
        let hunks = LineDiff.hunks(old: bytes("a\nb\nc\n"), new: bytes("x\ny\nc\n"), context: 1)
        #expect(
            hunks.first?.lines == [
                .removed(bytes("a\n")), .removed(bytes("b\n")), .added(bytes("x\n")), .added(bytes("y\n")),
                .context(bytes("c\n")),
            ])
    }

    @Test func hunkRendersWithMarkers() {
        let hunk = Hunk(
            oldStart: 1, oldCount: 1, newStart: 1, newCount: 1,
            lines: [.removed(bytes("a")), .added(bytes("b\n"))])
        #expect(
            String(decoding: hunk.unifiedBytes, as: UTF8.self)
                == "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n")
    }

    @Test func lineSplitting() {
        #expect(LineDiff.lines(of: []).isEmpty)
        #expect(LineDiff.lines(of: bytes("\n")) == [bytes("\n")])
        #expect(LineDiff.lines(of: bytes("a\r\n\nb")) == [bytes("a\r\n"), bytes("\n"), bytes("b")])
        #expect(LineDiff.lines(of: bytes("a\rb\n")) == [bytes("a\rb\n")])
    }

    @Test(arguments: [0, 1, 2, 3, 5, 10])
    func hunksAreSeparatedByMoreThanTwiceTheContext(context: Int) throws {
        var generator = SplitMix64(seed: UInt64(context) + 99)
        let old = (0..<200).map { "line \($0)\n" }
        var new = old
        for _ in 0..<15 {
            new[Int.random(in: 0..<new.count, using: &generator)] = "changed\n"
        }
        let oldBytes = bytes(old.joined())
        let newBytes = bytes(new.joined())
        let hunks = LineDiff.hunks(old: oldBytes, new: newBytes, context: context)
        for (first, second) in zip(hunks, hunks.dropFirst()) {
            let firstEnd = first.oldIndex + first.oldCount
            // Each hunk carries `context` lines towards the other, so a line between them that
            // neither covers means the changes were more than 2 * context lines apart.
            #expect(second.oldIndex - firstEnd > 0)
        }
        for hunk in hunks {
            let leading = hunk.lines.prefix { if case .context = $0 { true } else { false } }.count
            let trailing = hunk.lines.reversed().prefix { if case .context = $0 { true } else { false } }
                .count
            #expect(leading <= context && trailing <= context)
        }
        #expect(try HunkApplier.apply(hunks, to: oldBytes) == newBytes)
    }
}
