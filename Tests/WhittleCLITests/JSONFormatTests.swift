import Foundation
import Testing

/// `check --format json`. The schema (version 1, Docs/CLI.md "JSON output"), field by field:
///
/// - `version` (int, 1), `tool` {`name` "whittle", `version`}
/// - `files[]`: one per input, in the order processed:
///   - `path`: as given (or the `--stdin-filename`)
///   - a file that could not be read or parsed has only `error` {`line`, `column`, `message`};
///   - otherwise `changed` (bool: whether `fix` with the same flags would rewrite it) and
///     `findings[]`, plus `internal_errors[]` (strings) only when there are any.
/// - a finding: `rule`, `severity` (error|warning|info), `message`, `start`/`end`
///   {`line`, `column` (1-based, in characters), `offset` (0-based UTF-8 byte offset)}, `notes[]`,
///   `effect` (null or {`layers_removed`?, `bytes_saved`?, `keeps_cache_on_source_change`,
///   `note`?, `summary`}), `fix` (null or {`title`, `safety` (safe|unsafe|suggestion), `applied`,
///   `edits[]` {`start`, `end`, `replacement`}}).
/// - `summary` {`files`, `findings`, `fixable`, `errors`}.
@Suite("Format: JSON")
struct JSONFormatTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("json") }

    func document(_ arguments: [String]) throws -> (CLIResult, [String: Any]) {
        let result = CLI.run(["check", "--format", "json"] + arguments, in: scratch.path)
        return (result, try result.json())
    }

    @Test func topLevel() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let (result, json) = try document([path])
        #expect(result.exitCode == 1)
        #expect(result.stderr.isEmpty)
        #expect(Set(json.keys) == ["version", "tool", "files", "summary"])
        #expect(json["version"] as? Int == 1)
        let tool = try #require(json["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "whittle")
        #expect((tool["version"] as? String)?.isEmpty == false)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 1)
        #expect(summary["findings"] as? Int == 1)
        #expect(summary["fixable"] as? Int == 1)
        #expect(summary["errors"] as? Int == 0)
    }

    @Test func aFileAndAFinding() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let (_, json) = try document([path])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(Set(file.keys) == ["path", "changed", "findings"])
        #expect(file["path"] as? String == path)
        #expect(file["changed"] as? Bool == true)
        let finding = try #require((file["findings"] as? [[String: Any]])?.first)
        #expect(
            Set(finding.keys) == ["rule", "severity", "message", "start", "end", "notes", "effect", "fix"])
        #expect(finding["rule"] as? String == "exec-form")
        #expect(finding["severity"] as? String == "warning")
        #expect(
            finding["message"] as? String
                == "CMD in shell form runs under /bin/sh -c, which may not pass stop signals on")
        #expect(position(finding["start"]) == [2, 1, 17])
        #expect(position(finding["end"]) == [2, 19, 35])
        #expect((finding["notes"] as? [String]) == [])

        let effect = try #require(finding["effect"] as? [String: Any])
        #expect(effect["keeps_cache_on_source_change"] as? Bool == false)
        #expect(
            effect["note"] as? String
                == "clean shutdown on docker stop instead of a kill after the grace period")
        #expect(
            effect["summary"] as? String
                == "clean shutdown on docker stop instead of a kill after the grace period")
        #expect(effect["layers_removed"] == nil && effect["bytes_saved"] == nil)

        let fix = try #require(finding["fix"] as? [String: Any])
        #expect(Set(fix.keys) == ["title", "safety", "applied", "edits"])
        #expect(fix["title"] as? String == "Use exec form: [\"node\", \"server.js\"]")
        #expect(fix["safety"] as? String == "safe")
        #expect(fix["applied"] as? Bool == true)
        let edit = try #require((fix["edits"] as? [[String: Any]])?.first)
        #expect(Set(edit.keys) == ["start", "end", "replacement"])
        #expect(position(edit["start"]) == [2, 5, 21])
        #expect(position(edit["end"]) == [2, 19, 35])
        #expect(edit["replacement"] as? String == "[\"node\", \"server.js\"]")
    }

    @Test func anUnsafeFixIsNotAppliedWithoutTheFlag() throws {
        let path = try scratch.write("Dockerfile", Sample.unsafe)
        let (_, plain) = try document([path])
        let file = try #require((plain["files"] as? [[String: Any]])?.first)
        #expect(file["changed"] as? Bool == false)
        let finding = try #require((file["findings"] as? [[String: Any]])?.first)
        let fix = try #require(finding["fix"] as? [String: Any])
        #expect(fix["safety"] as? String == "unsafe")
        #expect(fix["applied"] as? Bool == false)
        #expect((finding["notes"] as? [String])?.count == 1)
        #expect((plain["summary"] as? [String: Any])?["fixable"] as? Int == 0)

        let (_, flagged) = try document(["--unsafe-fixes", path])
        let flaggedFile = try #require((flagged["files"] as? [[String: Any]])?.first)
        #expect(flaggedFile["changed"] as? Bool == true)
        #expect((flagged["summary"] as? [String: Any])?["fixable"] as? Int == 1)
    }

    @Test func aCleanFile() throws {
        let path = try scratch.write("Dockerfile", Sample.clean)
        let (result, json) = try document([path])
        #expect(result.exitCode == 0)
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["changed"] as? Bool == false)
        #expect((file["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func aFileThatCannotBeRead() throws {
        let good = try scratch.write("good/Dockerfile", Sample.safe)
        let bad = try scratch.write(
            "bad/Dockerfile", bytes: Array("FROM alpine\nRUN \u{FF}\n".utf8) + [0xFF, 0x0A])
        let (result, json) = try document([bad, good])
        #expect(result.exitCode == 2)
        // The error also goes to stderr, for people reading the log.
        Expect.oneErrorLine(result, path: bad, line: 3, containing: "invalid UTF-8")
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(Set(files[0].keys) == ["path", "error"])
        let error = try #require(files[0]["error"] as? [String: Any])
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 1)
        #expect((error["message"] as? String)?.contains("invalid UTF-8") == true)
        #expect(files[1]["changed"] as? Bool == true)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 2)
        #expect(summary["errors"] as? Int == 1)
    }

    @Test func editsRebuildTheFixedFile() throws {
        // Applying the applied findings' edits by byte offset gives `fix --stdout`'s output.
        let text =
            "FROM alpine:3.20 AS build\n# 日本語 ✓\nCMD make  all\n\nFROM alpine:3.20\nCMD exec ./serve 'a b'\n"
        let path = try scratch.write("Dockerfile", text)
        let (_, json) = try document([path])
        let findings = try #require(
            ((json["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
        #expect(findings.count == 2)
        var edits: [(Int, Int, String)] = []
        for finding in findings {
            let fix = try #require(finding["fix"] as? [String: Any])
            guard fix["applied"] as? Bool == true else { continue }
            for edit in try #require(fix["edits"] as? [[String: Any]]) {
                edits.append(
                    (
                        try #require(position(edit["start"]).last), try #require(position(edit["end"]).last),
                        try #require(edit["replacement"] as? String)
                    ))
            }
        }
        var bytes = Array(text.utf8)
        for (start, end, replacement) in edits.sorted(by: { $0.0 > $1.0 }) {
            bytes.replaceSubrange(start..<end, with: Array(replacement.utf8))
        }
        let fixed = CLI.run(["fix", "--stdout", path], in: scratch.path)
        #expect(bytes == fixed.stdout)
    }

    @Test func columnsAreCharactersAndOffsetsAreBytes() throws {
        let path = try scratch.write("Dockerfile", "FROM alpine:3.20\nCMD echo 日本\n")
        let (_, json) = try document([path])
        let finding = try #require(
            ((json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        // "CMD echo 日本" is 11 characters and 15 bytes; the line starts at byte 17.
        #expect(position(finding["end"]) == [2, 12, 32])
    }

    @Test func outputIsStableAcrossRuns() throws {
        let path = try scratch.write("Dockerfile", Sample.both)
        let a = CLI.run(["check", "--format", "json", path], in: scratch.path)
        let b = CLI.run(["check", "--format", "json", path], in: scratch.path)
        #expect(a.stdout == b.stdout)
        #expect(a.stdoutText.hasSuffix("}\n"))
    }

    /// `[line, column, offset]` of a position object.
    func position(_ value: Any?) -> [Int] {
        guard let object = value as? [String: Any], object.count == 3, let l = object["line"] as? Int,
            let c = object["column"] as? Int, let o = object["offset"] as? Int
        else { return [] }
        return [l, c, o]
    }
}
