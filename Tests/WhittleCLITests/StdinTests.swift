import Foundation
import Testing

/// `-` reads the Dockerfile from standard input; `--stdin-filename NAME` names it in reports.
@Suite("Standard input")
struct StdinTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("stdin") }

    func run(_ arguments: [String], stdin: String) -> CLIResult {
        CLI.run(arguments, in: scratch.path, stdin: stdin)
    }

    @Test func diffReadsStandardInput() {
        let result = run(["diff", "-"], stdin: Sample.safe)
        #expect(result.exitCode == 0, "\(result)")
        #expect(
            result.stdoutText == """
                --- a/-
                +++ b/-
                @@ -1,2 +1,2 @@
                 FROM alpine:3.20
                -CMD node server.js
                +CMD ["node", "server.js"]

                """)
        #expect(result.stderr.isEmpty)
    }

    @Test func diffNamesStandardInputWithStdinFilename() {
        let result = run(["diff", "--stdin-filename", "services/api/Dockerfile", "-"], stdin: Sample.safe)
        #expect(
            result.stdoutText.hasPrefix("--- a/services/api/Dockerfile\n+++ b/services/api/Dockerfile\n@@ "))
    }

    @Test func diffOfUnchangedInputPrintsNothing() {
        let result = run(["diff", "-"], stdin: Sample.clean)
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func fixStdoutPrintsTheRewrittenInput() {
        let result = run(["fix", "--stdout", "-"], stdin: Sample.safe)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdoutText == Sample.safeFixed)
        #expect(result.stderr.isEmpty, "--stdout prints no summary")
    }

    @Test func fixStdoutPrintsUnchangedInputAsItIs() {
        let input = "# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\nCMD [\"sh\"]"
        let result = run(["fix", "--stdout", "-"], stdin: input)
        #expect(result.exitCode == 0)
        #expect(result.stdout == Array(input.utf8))
    }

    @Test func fixStdoutHonoursUnsafeFixes() {
        #expect(run(["fix", "--stdout", "-"], stdin: Sample.unsafe).stdoutText == Sample.unsafe)
        #expect(
            run(["fix", "--stdout", "--unsafe-fixes", "-"], stdin: Sample.unsafe).stdoutText
                == Sample.unsafeFixed)
    }

    @Test
    func fixOfStandardInputWithoutStdout() {
        let result = run(["fix", "-"], stdin: Sample.safe)
        #expect(result.exitCode == 64 || result.stdoutText == Sample.safeFixed, "\(result)")
    }

    @Test func checkNamesStandardInputDash() {
        let result = run(["check", "-"], stdin: Sample.safe)
        #expect(result.exitCode == 1)
        #expect(result.stdoutText.hasPrefix("-:2:1: exec-form [*] "), "\(result)")
    }

    @Test func checkUsesStdinFilenameInEveryFormat() throws {
        let name = "web/Dockerfile.prod"
        let text = run(["check", "--stdin-filename", name, "-"], stdin: Sample.safe)
        #expect(text.stdoutText.hasPrefix("\(name):2:1: exec-form"), "\(text)")

        let json = try run(["check", "--format", "json", "--stdin-filename", name, "-"], stdin: Sample.safe)
            .json()
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == name)

        let sarif = try run(
            ["check", "--format", "sarif", "--stdin-filename", name, "-"], stdin: Sample.safe
        ).json()
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let location = try #require((results.first?["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == name)

        let github = run(["check", "--format", "github", "--stdin-filename", name, "-"], stdin: Sample.safe)
        #expect(github.stdoutText.hasPrefix("::warning file=\(name),line=2,col=1,"), "\(github)")

        let rdjson = try run(
            ["check", "--format", "rdjson", "--stdin-filename", name, "-"], stdin: Sample.safe
        ).json()
        let diagnostics = try #require(rdjson["diagnostics"] as? [[String: Any]])
        #expect((diagnostics.first?["location"] as? [String: Any])?["path"] as? String == name)
    }

    @Test func stdinFilenameDoesNotRenameRealFiles() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let result = run(["check", "-q", "--stdin-filename", "other", path], stdin: "")
        #expect(result.stdoutText.hasPrefix("\(path):2:1:"), "\(result)")
    }

    @Test func standardInputAlongsideFiles() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let result = run(["diff", path, "--stdin-filename", "piped", "-"], stdin: Sample.safe)
        #expect(result.exitCode == 0, "\(result)")
        let headers = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("--- ") }
        #expect(headers == ["--- a\(path)", "--- a/piped"], "\(result)")
        #expect(result.stdoutText.contains("+++ b/piped\n"))
    }

    @Test func badStandardInputIsAnInputError() {
        let result = CLI.run(
            ["check", "--stdin-filename", "in/Dockerfile", "-"], in: scratch.path, stdin: [0x46, 0xFF, 0x0A])
        #expect(result.exitCode == 2)
        Expect.oneErrorLine(result, path: "in/Dockerfile", line: 1, containing: "invalid UTF-8")
    }

    @Test func emptyStandardInput() {
        let result = run(["check", "-"], stdin: "")
        #expect(result.exitCode == 2, "\(result)")
        Expect.oneErrorLine(result, path: "-", containing: "error: ")
    }

    @Test func stdinHasNoBuildContextButStillRuns() {
        // `-` has no folder; passes that need the build context skip what needs it.
        let result = run(["check", "-q", "--format", "json", "-"], stdin: Sample.safe)
        #expect(result.exitCode == 1, "\(result)")
    }
}
