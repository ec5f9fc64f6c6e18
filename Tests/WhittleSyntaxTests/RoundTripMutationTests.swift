import GoldenSupport
import Testing
import WhittleSyntax

/// Losslessness under mutation, in the style of swift-syntax's parser tests: for every golden input
/// and a set of inline samples, every variant with one line deleted or one line duplicated must
/// parse without crashing and print back byte for byte, with every node and instruction part in
/// place.
@Suite("Round trip under mutation")
struct RoundTripMutationTests {
    static let samples: [String] = [
        "FROM a\nRUN one \\\n# comment\n\n    two \\\n    three\nCMD x\n",
        "# escape=`\nFROM a\nRUN dir C:\\ `\n    && echo `\n\nCOPY a b\n",
        "FROM a\nRUN <<EOF cat && <<-TWO cat\nbody\nEOF\n\tbody2\n\tTWO\nRUN after\n",
        "FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\nENV a=b \\\r\n  c=d\r\n",
        "\u{FEFF}# syntax=x\n# check=a\nFROM a\nONBUILD RUN <<E\nE\nONBUILD ONBUILD CMD [\"x\"]\n",
        "FROM a\nCOPY <<a <<b /d/\nA\na\nB\nb\nRUN x \\",
        "  FROM a  \n\t RUN \\\n\t\n \\\n  x\n#\n",
    ]

    /// Every input: the golden `parse` inputs, then the samples.
    static let inputs: [(name: String, bytes: [UInt8])] =
        GoldenCase.all(area: "parse").map { ($0.name, $0.inputBytes) }
        + samples.enumerated().map { ("sample \($0.offset + 1)", Array($0.element.utf8)) }

    /// The lines of `bytes`, each with its terminator.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }

    /// Every variant with one line deleted, then every variant with one line duplicated.
    static func variants(_ bytes: [UInt8]) -> [(String, [UInt8])] {
        let lines = lines(bytes)
        var out: [(String, [UInt8])] = []
        for skip in lines.indices {
            var v: [UInt8] = []
            for (n, line) in lines.enumerated() where n != skip { v += line }
            out.append(("line \(skip + 1) deleted", v))
        }
        for twice in lines.indices {
            var v: [UInt8] = []
            for (n, line) in lines.enumerated() {
                v += line
                if n == twice { v += line }
            }
            out.append(("line \(twice + 1) duplicated", v))
        }
        return out
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 35 + Self.samples.count)
    }

    @Test func everyVariantRoundTrips() {
        var checked = 0
        var failures: [String] = []
        for (name, bytes) in Self.inputs {
            for (variant, mutated) in [("unchanged", bytes)] + Self.variants(bytes) {
                guard let file = try? Dockerfile.parse(mutated) else { continue }
                checked += 1
                var problem = losslessnessProblem(file, mutated)
                if problem == nil {
                    problem = file.instructions.lazy.compactMap { ownershipProblem($0) }.first
                }
                if let problem {
                    failures.append(
                        "\(name), \(variant): \(problem)\n\(String(decoding: mutated, as: UTF8.self))")
                }
            }
        }
        #expect(
            failures.isEmpty,
            "\(failures.count) failing variants; first: \(failures.prefix(3).joined(separator: "\n---\n"))")
        #expect(checked > 500)
    }
}
