import Testing
import WhittleDiff

@Suite("Randomized round trips")
struct RandomizedTests {
    /// A random file and a mutated copy, built from a small vocabulary so lines repeat.
    struct Case: Sendable, CustomStringConvertible {
        var seed: UInt64
        var old: [UInt8]
        var new: [UInt8]
        var context: Int

        var description: String { "seed \(seed)" }

        init(seed: UInt64) {
            self.seed = seed
            var generator = SplitMix64(seed: seed)
            let crlf = Int.random(in: 0..<4, using: &generator) == 0
            let vocabulary = [
                "FROM alpine", "RUN apk add curl", "", "COPY . /app", "WORKDIR /app", "RUN make",
                "ENV A=1", "EXPOSE 80", "CMD [\"run\"]", "# comment", "  \\", "RUN \u{00e9}t\u{00e9}",
            ]
            func randomLine() -> String {
                if Int.random(in: 0..<5, using: &generator) == 0 {
                    return "unique \(Int.random(in: 0..<1_000_000, using: &generator))"
                }
                return vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)]
            }
            let oldLines = (0..<Int.random(in: 0...30, using: &generator)).map { _ in randomLine() }
            var newLines = oldLines
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let action = Int.random(in: 0..<4, using: &generator)
                if newLines.isEmpty || action == 0 {
                    newLines.insert(randomLine(), at: Int.random(in: 0...newLines.count, using: &generator))
                } else if action == 1 {
                    newLines.remove(at: Int.random(in: 0..<newLines.count, using: &generator))
                } else if action == 2 {
                    newLines[Int.random(in: 0..<newLines.count, using: &generator)] = randomLine()
                } else {
                    let index = Int.random(in: 0..<newLines.count, using: &generator)
                    newLines.insert(
                        newLines[index], at: Int.random(in: 0...newLines.count, using: &generator))
                }
            }
            func join(_ lines: [String], finalNewline: Bool) -> [UInt8] {
                let terminator = crlf ? "\r\n" : "\n"
                var text = lines.joined(separator: terminator)
                if finalNewline && !lines.isEmpty { text += terminator }
                return Array(text.utf8)
            }
            let oldFinal = Int.random(in: 0..<4, using: &generator) != 0
            let newFinal = Int.random(in: 0..<3, using: &generator) == 0 ? !oldFinal : oldFinal
            old = join(oldLines, finalNewline: oldFinal)
            new = join(newLines, finalNewline: newFinal)
            context = Int.random(in: 0...5, using: &generator)
        }
    }

    static let cases = (1...200).map { Case(seed: UInt64($0) &* 7919) }

    @Test func inProcessRoundTrip() throws {
        for testCase in Self.cases {
            let hunks = LineDiff.hunks(old: testCase.old, new: testCase.new, context: testCase.context)
            #expect(hunks.isEmpty == (testCase.old == testCase.new), "\(testCase)")
            let applied = try HunkApplier.apply(hunks, to: testCase.old)
            #expect(applied == testCase.new, "\(testCase)")
            let diff = UnifiedDiff.make(
                old: testCase.old, new: testCase.new, oldPath: "f", newPath: "f", context: testCase.context)
            if !diff.isEmpty {
                #expect(try UnifiedDiffParser.parse(diff).hunks == hunks, "\(testCase)")
            }
        }
    }

    @Test(
        "patch and git apply agree", .enabled(if: ExternalTools.hasPatch && ExternalTools.hasGit),
        arguments: cases.filter { $0.old != $0.new }.prefix(20))
    func externalTools(_ testCase: Case) throws {
        let diff = UnifiedDiff.make(
            old: testCase.old, new: testCase.new, oldPath: "Dockerfile", newPath: "Dockerfile",
            context: testCase.context)
        #expect(
            try ExternalTools.applyWithPatch(old: testCase.old, diff: diff, path: "Dockerfile")
                == testCase.new)
        if ExternalTools.hasDiff {
            // GNU diff breaks ties the same way in almost all cases, including all of these.
            let gnu = try ExternalTools.gnuDiffHunks(
                old: testCase.old, new: testCase.new, context: testCase.context)
            #expect(
                Array(diff.dropFirst(UnifiedDiff.header(oldPath: "Dockerfile", newPath: "Dockerfile").count))
                    == gnu)
        }
        #expect(
            try ExternalTools.applyWithGit(
                old: testCase.old, diff: diff, path: "Dockerfile", unidiffZero: testCase.context == 0)
                == testCase.new)
    }
}
