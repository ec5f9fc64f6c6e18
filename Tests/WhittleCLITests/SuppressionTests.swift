import Foundation
import Testing

/// Comments that silence a pass: `# whittle ignore=ID` (the next instruction),
/// `# whittle ignore-file=ID`, hadolint's `# hadolint ignore=DL3025` / `# hadolint global ignore=`
/// for the codes a pass maps to, and BuildKit's `# check=skip=JSONArgsRecommended` directive.
@Suite("Suppression comments")
struct SuppressionTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("suppress") }

    /// The lines of exec-form findings in `text`, and what `fix --stdout` makes of it.
    func run(_ text: String) throws -> (lines: [Int], fixed: String) {
        let path = try scratch.write("Dockerfile", text)
        let json = try CLI.run(["check", "--format", "json", path], in: scratch.path).json()
        let findings = (json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        let lines = findings.filter { $0["rule"] as? String == "exec-form" }
            .compactMap { ($0["start"] as? [String: Any])?["line"] as? Int }
        let fixed = CLI.run(["fix", "--stdout", "--unsafe-fixes", path], in: scratch.path).stdoutText
        return (lines, fixed)
    }

    @Test(
        "each form silences the finding and its fix",
        arguments: [
            "FROM alpine:3.20\n# whittle ignore=exec-form\nCMD node server.js\n",
            "FROM alpine:3.20\n# whittle ignore=exec-form -- the image's shell wrapper expects it\nCMD node server.js\n",
            "FROM alpine:3.20\n#whittle ignore=merge-runs,exec-form\nCMD node server.js\n",
            "FROM alpine:3.20\n# whittle ignore=all\nCMD node server.js\n",
            "# whittle ignore-file=exec-form\nFROM alpine:3.20\nCMD node server.js\n",
            "FROM alpine:3.20\nCMD node server.js\n# whittle ignore-file=exec-form\n",
            "FROM alpine:3.20\n# hadolint ignore=DL3025\nCMD node server.js\n",
            "FROM alpine:3.20\n# hadolint ignore=DL3008,dl3025\nCMD node server.js\n",
            "# hadolint global ignore=DL3025\nFROM alpine:3.20\nCMD node server.js\n",
            "# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD node server.js\n",
            "# check=skip=StageNameCasing,JSONArgsRecommended\nFROM alpine:3.20\nCMD node server.js\n",
            "# check=skip=all\nFROM alpine:3.20\nCMD node server.js\n",
            "# syntax=docker/dockerfile:1\n# check=error=true;skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD node server.js\n",
        ])
    func silenced(_ text: String) throws {
        let (lines, fixed) = try run(text)
        #expect(lines.isEmpty, "\(text)")
        #expect(fixed == text)
    }

    @Test func withoutACommentTheFindingIsThere() throws {
        let (lines, fixed) = try run(Sample.safe)
        #expect(lines == [2])
        #expect(fixed == Sample.safeFixed)
    }

    @Test func ignoreCoversOnlyTheNextInstruction() throws {
        let text =
            "FROM alpine:3.20 AS a\n# whittle ignore=exec-form\nCMD node a.js\n\nFROM alpine:3.20\nCMD node b.js\n"
        let (lines, fixed) = try run(text)
        #expect(lines == [6])
        #expect(fixed.contains("CMD node a.js\n"))
        #expect(fixed.contains("CMD [\"node\", \"b.js\"]\n"))
    }

    @Test func aCommentForAnotherPassDoesNotSilence() throws {
        #expect(try run("FROM alpine:3.20\n# whittle ignore=merge-runs\nCMD node server.js\n").lines == [3])
        #expect(try run("FROM alpine:3.20\n# hadolint ignore=DL3008\nCMD node server.js\n").lines == [3])
        #expect(try run("# check=skip=StageNameCasing\nFROM alpine:3.20\nCMD node server.js\n").lines == [3])
    }

    @Test func aCheckCommentThatIsNotADirectiveDoesNotSilence() throws {
        // Directives come first; after an instruction `# check=` is an ordinary comment.
        #expect(
            try run("FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nCMD node server.js\n").lines == [3])
    }

    @Test func ordinaryCommentsMentioningWhittleDoNotSilence() throws {
        #expect(try run("FROM alpine:3.20\n# whittle is run in CI\nCMD node server.js\n").lines == [3])
        #expect(
            try run("FROM alpine:3.20\n# do not whittle ignore=exec-form\nCMD node server.js\n").lines == [3])
    }

    @Test func theSuppressedFindingDoesNotFailCheck() throws {
        let path = try scratch.write(
            "Dockerfile", "FROM alpine:3.20\n# whittle ignore=exec-form\nCMD node server.js\n")
        let result = CLI.run(["check", path], in: scratch.path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdoutText == "All checks passed!\n")
    }
}
