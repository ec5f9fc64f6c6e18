import Testing

@testable import WhittleDiff

@Suite("Myers algorithm")
struct MyersDiffTests {
    /// Length of the longest common subsequence by dynamic programming (reference for minimality).
    private func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
        var previous = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var current = Array(repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Checks that the flags describe a valid edit (kept elements pair up equal) and returns its size.
    private func validEditSize(_ result: MyersDiff.Result, _ a: [Int], _ b: [Int]) -> Int? {
        let keptOld = a.indices.filter { !result.removed[$0] }.map { a[$0] }
        let keptNew = b.indices.filter { !result.added[$0] }.map { b[$0] }
        guard keptOld == keptNew else { return nil }
        return (a.count - keptOld.count) + (b.count - keptNew.count)
    }

    @Test func knownExample() {
        // The example from Myers' paper: ABCABBA -> CBABAC has edit distance 5.
        let a = Array("ABCABBA".unicodeScalars.map { Int($0.value) })
        let b = Array("CBABAC".unicodeScalars.map { Int($0.value) })
        let result = MyersDiff.diff(old: a, new: b)
        #expect(validEditSize(result, a, b) == 5)
    }

    @Test func edgeCases() {
        #expect(MyersDiff.diff(old: [], new: []) == .init(removed: [], added: []))
        #expect(MyersDiff.diff(old: [1, 2], new: []) == .init(removed: [true, true], added: []))
        #expect(MyersDiff.diff(old: [], new: [1]) == .init(removed: [], added: [true]))
        #expect(MyersDiff.diff(old: [1, 2, 3], new: [1, 2, 3]).removed == [false, false, false])
        #expect(
            MyersDiff.diff(old: [1, 2, 3], new: [4, 5])
                == .init(removed: [true, true, true], added: [true, true]))
    }

    @Test func minimalOnRandomSequences() {
        var generator = SplitMix64(seed: 0x5EED)
        for iteration in 0..<3000 {
            let alphabet = 1 + iteration % 6
            let a = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            let b = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            let result = MyersDiff.diff(old: a, new: b)
            let expected = a.count + b.count - 2 * lcsLength(a, b)
            #expect(validEditSize(result, a, b) == expected, "a=\(a) b=\(b)")
        }
    }

    @Test func boundaryShiftingKeepsEditsValidAndMinimal() {
        var generator = SplitMix64(seed: 0xB0B)
        for iteration in 0..<3000 {
            let alphabet = 1 + iteration % 4
            let a = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            let b = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            var result = MyersDiff.diff(old: a, new: b)
            let before = validEditSize(result, a, b)
            BoundaryShifter.shift(removed: &result.removed, added: &result.added, old: a, new: b)
            #expect(validEditSize(result, a, b) == before, "a=\(a) b=\(b)")
        }
    }

    @Test func boundaryShiftingMovesRunsDown() {
        // Inserting a copy of a line is shown after the original, as GNU diff does.
        var result = MyersDiff.Result(removed: [false, false, false], added: [false, true, false, false])
        BoundaryShifter.shift(
            removed: &result.removed, added: &result.added, old: [1, 2, 3], new: [1, 2, 2, 3])
        #expect(result.added == [false, false, true, false])
        let diff = UnifiedDiff.make(
            old: Array("x\n}\n\ny\n".utf8), new: Array("x\n}\n\nz\n}\n\ny\n".utf8), oldPath: "f",
            newPath: "f", context: 0)
        #expect(String(decoding: diff, as: UTF8.self) == "--- a/f\n+++ b/f\n@@ -3,0 +4,3 @@\n+z\n+}\n+\n")
    }

    @Test func editScriptOrdersDeletesBeforeInserts() {
        let script = EditScript(removed: [false, true, true, false], added: [false, true, false])
        #expect(
            script.operations == [
                .keep(old: 0, new: 0), .delete(1), .delete(2), .insert(1), .keep(old: 3, new: 2),
            ])
    }

    @Test func scatteredChangesInALargeFile() throws {
        // 5,000 lines with 50 scattered edits: must stay fast (checked manually) and minimal.
        var generator = SplitMix64(seed: 5000)
        let old = (0..<5000).map { "RUN step \($0) && echo \($0 % 97)\n" }
        var new = old
        for change in 0..<50 {
            let index = Int.random(in: 0..<new.count, using: &generator)
            switch change % 3 {
            case 0: new[index] = "RUN changed \(change)\n"
            case 1: new.remove(at: index)
            default: new.insert("RUN inserted \(change)\n", at: index)
            }
        }
        let oldBytes = Array(old.joined().utf8)
        let newBytes = Array(new.joined().utf8)
        let hunks = LineDiff.hunks(old: oldBytes, new: newBytes)
        #expect(try HunkApplier.apply(hunks, to: oldBytes) == newBytes)
        let changed = hunks.flatMap(\.lines).filter { if case .context = $0 { false } else { true } }.count
        #expect(changed <= 2 * 50)
    }

    @Test func completelyDifferentLargeFiles() throws {
        let old = Array((0..<3000).map { "old \($0)\n" }.joined().utf8)
        let new = Array((0..<3000).map { "new \($0)\n" }.joined().utf8)
        let hunks = LineDiff.hunks(old: old, new: new)
        #expect(hunks.count == 1)
        #expect(hunks.first?.oldCount == 3000)
        #expect(try HunkApplier.apply(hunks, to: old) == new)
    }
}
