import Foundation
import Testing

/// `check` (text): `path:line:col: rule [*] message`, a code frame, the fix and its safety, then a
/// closing count; colour only on a terminal, never with NO_COLOR.
@Suite("Format: text")
struct TextFormatTests {
    let scratch: CLIScratch
    let safe: String
    let unsafe: String
    let both: String

    init() throws {
        scratch = try CLIScratch("text")
        safe = try scratch.write("safe/Dockerfile", Sample.safe)
        unsafe = try scratch.write("unsafe/Dockerfile", Sample.unsafe)
        both = try scratch.write("both/Dockerfile", Sample.both)
    }

    func check(_ arguments: [String], environment: [String: String] = [:], isTerminal: Bool = false)
        -> CLIResult
    {
        CLI.run(["check"] + arguments, in: scratch.path, environment: environment, isTerminal: isTerminal)
    }

    @Test func aSafeFinding() {
        let result = check([safe])
        #expect(result.exitCode == 1)
        #expect(result.stderr.isEmpty)
        #expect(
            result.stdoutText == """
                \(safe):2:1: exec-form [*] CMD in shell form runs under /bin/sh -c, which may not pass stop signals on
                    |
                  2 | CMD node server.js
                    | ^^^^^^^^^^^^^^^^^^
                  = saves: clean shutdown on docker stop instead of a kill after the grace period
                  = safe fix: Use exec form: ["node", "server.js"]

                Found 1 finding (1 fixable with `whittle fix`).

                """)
    }

    @Test func anUnsafeFindingIsNotMarkedAndIsCountedAsHidden() {
        let result = check([unsafe])
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "\(unsafe):2:1: exec-form ENTRYPOINT in shell form runs under /bin/sh -c, which may not pass stop signals on"
        )
        #expect(
            result.stdoutText.contains(
                "  = unsafe fix, use --unsafe-fixes: Use exec form: [\"/usr/local/bin/run\", \"--verbose\"]\n"
            ))
        #expect(result.stdoutText.contains("  = note: In exec form the ENTRYPOINT receives CMD"))
        #expect(
            result.stdoutText.hasSuffix(
                "Found 1 finding.\n1 unsafe fix hidden, use --unsafe-fixes to apply.\n"), "\(result)")
    }

    @Test func unsafeFixesMarksItApplied() {
        let result = check(["--unsafe-fixes", unsafe])
        #expect(result.stdoutText.hasPrefix("\(unsafe):2:1: exec-form [*] ENTRYPOINT"))
        #expect(result.stdoutText.contains("  = unsafe fix, applied with --unsafe-fixes: "))
        #expect(result.stdoutText.hasSuffix("Found 1 finding (1 fixable with `whittle fix`).\n"), "\(result)")
        #expect(!result.stdoutText.contains("hidden"))
    }

    @Test func pluralsAndOrderOverFiles() {
        let result = check([safe, both])
        let headlines = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("/") }
        #expect(
            headlines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == [
                "\(safe):2:1:", "\(both):2:1:", "\(both):5:1:",
            ])
        #expect(
            result.stdoutText.hasSuffix(
                "Found 3 findings (2 fixable with `whittle fix`).\n1 unsafe fix hidden, use --unsafe-fixes to apply.\n"
            ))
    }

    @Test func aCleanRun() {
        let clean = try? scratch.write("clean/Dockerfile", Sample.clean)
        let result = check([clean ?? ""])
        #expect(result.stdoutText == "All checks passed!\n")
    }

    @Test func quietDropsFramesAndSummary() {
        let result = check(["-q", safe])
        #expect(
            result.stdoutText == """
                \(safe):2:1: exec-form [*] CMD in shell form runs under /bin/sh -c, which may not pass stop signals on
                  = saves: clean shutdown on docker stop instead of a kill after the grace period
                  = safe fix: Use exec form: ["node", "server.js"]

                """)
        let clean = try? scratch.write("clean/Dockerfile", Sample.clean)
        #expect(check(["-q", clean ?? ""]).stdout.isEmpty)
    }

    @Test func unreadableFilesAreCountedInTheSummary() {
        let missing = scratch.path("missing/Dockerfile")
        let result = check([safe, missing])
        #expect(result.exitCode == 2)
        #expect(
            result.stdoutText.hasSuffix(
                "Found 1 finding (1 fixable with `whittle fix`). 1 file could not be read.\n"))
        #expect(result.stderr == "\(missing):1:1: error: no such file\n")
    }

    @Test func aMultiLineFindingShowsItsFirstLines() throws {
        let path = try scratch.write(
            "multi/Dockerfile",
            "FROM alpine:3.20\nCMD node \\\n    server.js \\\n    --port 80 \\\n    --verbose\n")
        let result = check([path])
        #expect(
            result.stdoutText.contains(
                """
                    |
                  2 | CMD node \\
                    | ^^^^^^^^^^
                  3 |     server.js \\
                  4 |     --port 80 \\

                """), "\(result)")
    }

    // MARK: colour

    static let escape = "\u{1B}["

    @Test func noColourWhenNotATerminal() {
        #expect(!check([safe, unsafe]).stdoutText.contains(Self.escape))
    }

    @Test func colourOnATerminal() {
        let result = check([safe], isTerminal: true)
        #expect(
            result.stdoutText.contains(
                "\u{1B}[1m\(safe)\u{1B}[0m:2:1: \u{1B}[31mexec-form\u{1B}[0m \u{1B}[36m[*]\u{1B}[0m"))
    }

    @Test(arguments: [["NO_COLOR": "1"], ["NO_COLOR": "yes"], ["TERM": "dumb"]])
    func noColourWhenTheEnvironmentSaysSo(_ environment: [String: String]) {
        #expect(
            !check([safe, unsafe], environment: environment, isTerminal: true).stdoutText.contains(
                Self.escape))
    }

    @Test func anEmptyNoColorDoesNotCount() {
        // no-color.org: NO_COLOR counts when present and not empty.
        #expect(
            check([safe], environment: ["NO_COLOR": ""], isTerminal: true).stdoutText.contains(Self.escape))
    }

    @Test func colorFlagOverridesDetection() {
        #expect(check(["--color", "always", safe]).stdoutText.contains(Self.escape))
        #expect(
            check(["--color=always", safe], environment: ["NO_COLOR": "1"]).stdoutText.contains(Self.escape))
        #expect(!check(["--color", "never", safe], isTerminal: true).stdoutText.contains(Self.escape))
        #expect(!check(["--color", "auto", safe]).stdoutText.contains(Self.escape))
    }

    @Test func fixSummaryHasNoColourWhenNotATerminal() {
        let result = CLI.run(["fix", safe], in: scratch.path)
        #expect(!result.stderr.contains(Self.escape))
        #expect(result.stderr == "whittle: 1 of 1 file changed.\n  exec-form: 1 fix\n", "\(result)")
    }
}
