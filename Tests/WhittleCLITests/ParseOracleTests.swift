import Foundation
import GoldenSupport
import Testing

/// Holds every `Golden/parse` input against BuildKit's own parser (`../shared/tools/buildkit-dump`):
/// `ok` must match and, when the file parses, every field of every instruction. This is what makes
/// the goldens BuildKit's truth rather than whittle's. Skipped when `../shared/tools` is absent.
@Suite("BuildKit oracle", .enabled(if: PeerTools.availableOrNote(), PeerTools.skipNote))
struct ParseOracleTests {
    static let cases = GoldenCase.all(area: "parse")

    /// BuildKit's reading of every golden input as JSON text by case name, computed once (one
    /// process for all files).
    static let oracle: Result<[String: String], PeerTools.Failure> = {
        do {
            let dumps = try PeerTools.buildkitDump(cases.map(\.input))
            var byName: [String: String] = [:]
            for (golden, dump) in zip(cases, dumps) { byName[golden.name] = GoldenJSON.encode(dump) }
            return .success(byName)
        } catch let failure as PeerTools.Failure {
            return .failure(failure)
        } catch {
            return .failure(PeerTools.Failure(description: "\(error)"))
        }
    }()

    static func oracleDump(_ golden: GoldenCase) throws -> [String: Any] {
        let all = try oracle.get()
        let text = try #require(all[golden.name], "buildkit-dump said nothing about \(golden.name)")
        return try #require(GoldenJSON.parse(Array(text.utf8)) as? [String: Any])
    }

    @Test("whittle parse --json agrees with BuildKit", arguments: cases)
    func whittleAgrees(_ golden: GoldenCase) throws {
        let expected = try Self.oracleDump(golden)
        let actual = try #require(ParseCLI.json(golden.input).object)
        KnownParserBugs.check(golden.name) {
            for difference in OracleComparison.differences(whittle: actual, buildkit: expected) {
                Issue.record("\(golden.name): \(difference)")
            }
        }
    }

    @Test("parse.json agrees with BuildKit", arguments: cases)
    func goldenAgrees(_ golden: GoldenCase) throws {
        let expected = try Self.oracleDump(golden)
        let data = try Data(contentsOf: golden.expected("parse.json"))
        let recorded = try #require(GoldenJSON.parse(Array(data)) as? [String: Any])
        for difference in OracleComparison.differences(whittle: recorded, buildkit: expected) {
            Issue.record("\(golden.name)/parse.json: \(difference)")
        }
    }
}

/// The comparison rule of `shared/tools/corpus-check`: `ok` must match; when both parse, the
/// instruction lists must have the same length and every field of every instruction must match.
/// Error messages are not compared (BuildKit's carry Go wrapping that whittle does not imitate).
enum OracleComparison {
    static func differences(whittle: [String: Any], buildkit: [String: Any]) -> [String] {
        let ok = whittle["ok"] as? Bool
        let expectedOK = buildkit["ok"] as? Bool
        guard ok == expectedOK else {
            return [
                "ok: whittle \(describe(whittle["ok"])) (\(describe(whittle["error"]))), "
                    + "BuildKit \(describe(buildkit["ok"])) (\(describe(buildkit["error"])))"
            ]
        }
        guard ok == true else { return [] }
        let ours = whittle["instructions"] as? [[String: Any]] ?? []
        let theirs = buildkit["instructions"] as? [[String: Any]] ?? []
        var out: [String] = []
        if ours.count != theirs.count {
            out.append("whittle reads \(ours.count) instructions, BuildKit \(theirs.count)")
        }
        for (n, (a, b)) in zip(ours, theirs).enumerated() {
            for key in Set(a.keys).union(b.keys).sorted() {
                let x = describe(a[key])
                let y = describe(b[key])
                if x != y { out.append("instruction \(n + 1) \(key): whittle \(x), BuildKit \(y)") }
            }
        }
        return out
    }

    /// Canonical JSON text of a value (keeps `true` and `1` apart), "absent" when missing.
    static func describe(_ value: Any?) -> String {
        guard let value else { return "absent" }
        let text = GoldenJSON.encode(value) ?? "\(value)"
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
    }
}
