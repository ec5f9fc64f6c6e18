import Testing
import WhittleDiff

@Suite("Unified diff text")
struct UnifiedDiffFormatTests {
    @Test("matches the hand-checked output", arguments: DiffFixture.all)
    func fixture(_ fixture: DiffFixture) {
        let diff = UnifiedDiff.make(
            old: fixture.old, new: fixture.new, oldPath: "Dockerfile", newPath: "Dockerfile",
            context: fixture.context)
        #expect(
            diff == fixture.expected,
            "got:\n\(String(decoding: diff, as: UTF8.self))\nexpected:\n\(String(decoding: fixture.expected, as: UTF8.self))"
        )
    }

    @Test("parses back into the same hunks", arguments: DiffFixture.all)
    func roundTrip(_ fixture: DiffFixture) throws {
        let hunks = LineDiff.hunks(old: fixture.old, new: fixture.new, context: fixture.context)
        let diff = UnifiedDiff.render(hunks: hunks, oldPath: "Dockerfile", newPath: "Dockerfile")
        let parsed = try UnifiedDiffParser.parse(diff)
        #expect(parsed.hunks == hunks)
        #expect(try HunkApplier.apply(hunks, to: fixture.old) == fixture.new)
    }

    @Test func identicalInputsProduceNoOutput() {
        let text = Array("FROM alpine\nRUN true\r\nCMD x".utf8)
        #expect(UnifiedDiff.make(old: text, new: text, oldPath: "Dockerfile", newPath: "Dockerfile").isEmpty)
        #expect(UnifiedDiff.make(old: [], new: [], oldPath: "Dockerfile", newPath: "Dockerfile").isEmpty)
        #expect(LineDiff.hunks(old: text, new: text).isEmpty)
        #expect(UnifiedDiff.render(hunks: [], oldPath: "a", newPath: "b").isEmpty)
    }

    @Test func headersUseGitPrefixesAndBothPaths() {
        let diff = UnifiedDiff.make(
            old: Array("a\n".utf8), new: Array("b\n".utf8), oldPath: "old/Dockerfile",
            newPath: "new/Dockerfile")
        let text = String(decoding: diff, as: UTF8.self)
        #expect(text == "--- a/old/Dockerfile\n+++ b/new/Dockerfile\n@@ -1 +1 @@\n-a\n+b\n")
    }

    @Test func negativeContextActsLikeZero() {
        let old = Array(DiffFixture.numbered(5).utf8)
        let new = Array(DiffFixture.numbered(5, replacing: [3: "x"]).utf8)
        #expect(
            UnifiedDiff.make(old: old, new: new, oldPath: "f", newPath: "f", context: -2)
                == UnifiedDiff.make(old: old, new: new, oldPath: "f", newPath: "f", context: 0))
    }

    @Test func largeContextCoversWholeFile() {
        let old = Array(DiffFixture.numbered(4).utf8)
        let new = Array(DiffFixture.numbered(4, replacing: [2: "two"]).utf8)
        let diff = String(
            decoding: UnifiedDiff.make(old: old, new: new, oldPath: "f", newPath: "f", context: 100),
            as: UTF8.self)
        #expect(diff == "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n 1\n-2\n+two\n 3\n 4\n")
    }

    @Test func emptyLinesAreDiffedLikeAnyOther() {
        let diff = String(
            decoding: UnifiedDiff.make(
                old: Array("a\n\nb\n".utf8), new: Array("a\nb\n".utf8), oldPath: "f", newPath: "f"),
            as: UTF8.self)
        #expect(diff == "--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n a\n-\n b\n")
    }

    @Test func loneNewlineVersusEmptyFile() {
        let diff = String(
            decoding: UnifiedDiff.make(old: [], new: [0x0A], oldPath: "f", newPath: "f"), as: UTF8.self)
        #expect(diff == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+\n")
    }
}
