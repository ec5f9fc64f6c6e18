import Foundation
import Testing

/// `check --format rdjson`: reviewdog's diagnostic format; fixes become suggestions, which
/// reviewdog posts as GitHub suggested changes.
@Suite("Format: rdjson")
struct RDJSONFormatTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("rdjson") }

    func rdjson(_ arguments: [String]) throws -> (CLIResult, [String: Any]) {
        let result = CLI.run(["check", "--format", "rdjson"] + arguments, in: scratch.path)
        return (result, try result.json())
    }

    @Test func sourceAndDiagnostics() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let (result, json) = try rdjson([path])
        #expect(result.exitCode == 1)
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["name"] as? String == "whittle")
        #expect(json["severity"] as? String == "WARNING")
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect((d["message"] as? String)?.hasPrefix("CMD in shell form") == true)
        #expect(d["severity"] as? String == "WARNING")
        #expect((d["code"] as? [String: Any])?["value"] as? String == "exec-form")
        let location = try #require(d["location"] as? [String: Any])
        #expect(location["path"] as? String == path)
        #expect(range(location["range"]) == [2, 1, 2, 19])
        // A suggestion replaces whole lines, so GitHub renders exactly the fix.
        let suggestion = try #require((d["suggestions"] as? [[String: Any]])?.first)
        #expect(range(suggestion["range"]) == [2, 1, 2, 19])
        #expect(suggestion["text"] as? String == "CMD [\"node\", \"server.js\"]")
    }

    @Test func unsafeFixesAreSuggestedOnlyWithUnsafeFixes() throws {
        let path = try scratch.write("Dockerfile", Sample.unsafe)
        let (_, json) = try rdjson([path])
        let d = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["suggestions"] == nil)
        #expect((d["message"] as? String)?.hasSuffix("; use --unsafe-fixes)") == true)
        let (_, withUnsafe) = try rdjson(["--unsafe-fixes", path])
        let e = try #require((withUnsafe["diagnostics"] as? [[String: Any]])?.first)
        #expect((e["suggestions"] as? [[String: Any]])?.count == 1)
    }

    @Test func columnsCountUTF8Bytes() throws {
        let path = try scratch.write(
            "Dockerfile", "FROM python:3.12-slim\nRUN pip install flask  # café ☕ ok\nCMD [\"flask\"]\n")
        let (_, json) = try rdjson([path])
        let d = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        let suggestion = try #require((d["suggestions"] as? [[String: Any]])?.first)
        // "RUN pip install flask  # café ☕ ok" is 33 characters and 37 bytes; the end is exclusive.
        #expect(range(suggestion["range"]) == [2, 1, 2, 38])
        #expect(suggestion["text"] as? String == "RUN pip install --no-cache-dir flask  # café ☕ ok")
    }

    @Test func noFindingsIsAnEmptyList() throws {
        let path = try scratch.write("Dockerfile", Sample.clean)
        let (result, json) = try rdjson([path])
        #expect(result.exitCode == 0)
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func unreadableFilesGoToStandardError() throws {
        let bad = try scratch.write("bad/Dockerfile", bytes: [0xFE, 0xFF, 0x00, 0x46])
        let good = try scratch.write("good/Dockerfile", Sample.safe)
        let (result, json) = try rdjson([bad, good])
        #expect(result.exitCode == 2)
        Expect.oneErrorLine(result, path: bad, containing: "UTF-16BE")
        #expect((json["diagnostics"] as? [Any])?.count == 1)
    }

    /// `[start line, start column, end line, end column]`.
    func range(_ value: Any?) -> [Int] {
        guard let r = value as? [String: Any], let s = r["start"] as? [String: Any],
            let e = r["end"] as? [String: Any],
            let a = s["line"] as? Int, let b = s["column"] as? Int, let c = e["line"] as? Int,
            let d = e["column"] as? Int
        else { return [] }
        return [a, b, c, d]
    }
}
