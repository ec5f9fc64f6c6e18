import Foundation
import Testing
import WhittlePasses

/// `check --format sarif`: SARIF 2.1.0, one run, every pass as a rule, one result per finding with
/// `fixes` (artifactChanges and replacements), unreadable files as tool notifications.
@Suite("Format: SARIF")
struct SARIFFormatTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("sarif") }

    func sarif(_ arguments: [String]) throws -> (CLIResult, [String: Any], run: [String: Any]) {
        let result = CLI.run(["check", "--format", "sarif"] + arguments, in: scratch.path)
        let json = try result.json()
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return (result, json, try #require(runs.first))
    }

    func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    @Test func versionSchemaAndDriver() throws {
        let path = try scratch.write("Dockerfile", Sample.clean)
        let (result, json, run) = try sarif([path])
        #expect(result.exitCode == 0)
        #expect(json["version"] as? String == "2.1.0")
        #expect((json["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "whittle")
        #expect((driver["version"] as? String)?.isEmpty == false)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(try results(run).isEmpty)
        #expect(run["invocations"] == nil)
    }

    @Test func everyPassIsARule() throws {
        let path = try scratch.write("Dockerfile", Sample.clean)
        let (_, _, run) = try sarif([path])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == PassCatalog.all.map { $0.id })
        for rule in rules {
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect((rule["help"] as? [String: Any])?["markdown"] is String)
            #expect(
                ["safe", "unsafe", "suggestion"].contains(
                    (rule["properties"] as? [String: Any])?["fixSafety"] as? String ?? ""))
        }
    }

    @Test func aResultWithItsFix() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let (result, _, run) = try sarif([path])
        #expect(result.exitCode == 1)
        let found = try results(run)
        #expect(found.count == 1)
        let first = try #require(found.first)
        #expect(first["ruleId"] as? String == "exec-form")
        #expect(first["level"] as? String == "warning")
        let message = try #require((first["message"] as? [String: Any])?["text"] as? String)
        #expect(message.hasPrefix("CMD in shell form runs under /bin/sh"))
        #expect(
            message.hasSuffix(
                "(saves: clean shutdown on docker stop instead of a kill after the grace period)"))

        let physical = try #require(
            (first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == path)
        #expect(region(physical["region"]) == [2, 1, 2, 19])

        let fix = try #require((first["fixes"] as? [[String: Any]])?.first)
        #expect(((fix["description"] as? [String: Any])?["text"] as? String)?.hasSuffix("(safe)") == true)
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == path)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let deleted = try #require(replacement["deletedRegion"] as? [String: Any])
        #expect(region(deleted) == [2, 5, 2, 19])
        #expect(deleted["charOffset"] as? Int == 21)
        #expect(deleted["charLength"] as? Int == 14)
        #expect(
            (replacement["insertedContent"] as? [String: Any])?["text"] as? String
                == "[\"node\", \"server.js\"]")
        #expect((first["properties"] as? [String: Any])?["fixSafety"] as? String == "safe")
    }

    @Test func unsafeFixesAreOfferedAndLabelled() throws {
        let path = try scratch.write("Dockerfile", Sample.unsafe)
        let (_, _, run) = try sarif([path])
        let first = try #require(try results(run).first)
        #expect((first["properties"] as? [String: Any])?["fixSafety"] as? String == "unsafe")
        let fix = try #require((first["fixes"] as? [[String: Any]])?.first)
        #expect(((fix["description"] as? [String: Any])?["text"] as? String)?.hasSuffix("(unsafe)") == true)
    }

    @Test func replacementsRebuildTheFixedFile() throws {
        let path = try scratch.write("Dockerfile", Sample.both)
        let (_, _, run) = try sarif(["--unsafe-fixes", path])
        var bytes = Array(Sample.both.utf8)
        var edits: [(Int, Int, String)] = []
        for result in try results(run) {
            for fix in result["fixes"] as? [[String: Any]] ?? [] {
                for change in fix["artifactChanges"] as? [[String: Any]] ?? [] {
                    for replacement in change["replacements"] as? [[String: Any]] ?? [] {
                        let deleted = try #require(replacement["deletedRegion"] as? [String: Any])
                        edits.append(
                            (
                                try #require(deleted["charOffset"] as? Int),
                                try #require(deleted["charLength"] as? Int),
                                try #require(
                                    (replacement["insertedContent"] as? [String: Any])?["text"] as? String)
                            ))
                    }
                }
            }
        }
        for (offset, length, text) in edits.sorted(by: { $0.0 > $1.0 }) {
            bytes.replaceSubrange(offset..<(offset + length), with: Array(text.utf8))
        }
        #expect(String(decoding: bytes, as: UTF8.self) == Sample.bothAllFixed)
    }

    @Test
    func charOffsetsCountCharacters() throws {
        // "# é\n" is 4 characters and 5 bytes: the CMD arguments start at character 25, byte 26.
        let text = "FROM alpine:3.20\n# é\nCMD node server.js\n"
        let path = try scratch.write("Dockerfile", text)
        let (_, _, run) = try sarif([path])
        let first = try #require(try results(run).first)
        let fix = try #require((first["fixes"] as? [[String: Any]])?.first)
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        let deleted = try #require(
            (change["replacements"] as? [[String: Any]])?.first?["deletedRegion"] as? [String: Any])
        #expect(deleted["charOffset"] as? Int == 25)
    }

    @Test func relativeURIsDropALeadingDotSlash() throws {
        _ = try scratch.write("Dockerfile", Sample.safe)
        // A `./` path cannot be given without changing directory; standard input with a name can.
        let result = CLI.run(
            ["check", "--format", "sarif", "--stdin-filename", "./app/Dockerfile", "-"], in: scratch.path,
            stdin: Sample.safe)
        let json = try result.json()
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let physical = try #require(
            (try results(run).first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]
                as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "app/Dockerfile")
    }

    @Test func unreadableFilesBecomeToolNotifications() throws {
        let bad = try scratch.write("bad/Dockerfile", bytes: [0x46, 0x00, 0x0A])
        let good = try scratch.write("good/Dockerfile", Sample.safe)
        let (result, _, run) = try sarif([bad, good])
        #expect(result.exitCode == 2)
        Expect.oneErrorLine(result, path: bad, containing: "NUL")
        #expect(try results(run).count == 1)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect(((notification["message"] as? [String: Any])?["text"] as? String)?.contains("NUL") == true)
        let physical = try #require(
            (notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == bad)
    }

    /// `[startLine, startColumn, endLine, endColumn]`.
    func region(_ value: Any?) -> [Int] {
        guard let r = value as? [String: Any] else { return [] }
        return ["startLine", "startColumn", "endLine", "endColumn"].compactMap { r[$0] as? Int }
    }
}
