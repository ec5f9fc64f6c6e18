import Foundation
import Testing

/// Exit codes (Docs/CLI.md): 0 success, 1 `check` with something pending, 2 a file or the
/// configuration could not be read, 64 a mistake on the command line.
@Suite("Exit codes")
struct ExitCodeTests {
    let scratch: CLIScratch
    let safe: String
    let unsafe: String
    let clean: String

    init() throws {
        scratch = try CLIScratch("exit")
        safe = try scratch.write("safe/Dockerfile", Sample.safe)
        unsafe = try scratch.write("unsafe/Dockerfile", Sample.unsafe)
        clean = try scratch.write("clean/Dockerfile", Sample.clean)
    }

    func run(_ arguments: [String]) -> CLIResult { CLI.run(arguments, in: scratch.path) }

    // MARK: 0

    @Test func diffIsZeroEvenWithChanges() {
        let result = run(["diff", safe])
        #expect(result.exitCode == 0, "\(result)")
        #expect(!result.stdout.isEmpty)
    }

    @Test func bareInvocationIsDiff() {
        let bare = run([safe])
        let diff = run(["diff", safe])
        #expect(bare.exitCode == 0)
        #expect(bare.stdout == diff.stdout)
    }

    @Test func fixIsZeroAfterWriting() throws {
        let result = run(["fix", safe])
        #expect(result.exitCode == 0, "\(result)")
        #expect(scratch.text("safe/Dockerfile") == Sample.safeFixed)
    }

    @Test func checkOnACleanFileIsZero() {
        let result = run(["check", clean])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdoutText == "All checks passed!\n")
    }

    @Test func checkWithOnlyAHiddenUnsafeFixIsZero() {
        #expect(run(["check", unsafe]).exitCode == 0)
    }

    @Test(arguments: [["--help"], ["-h"], ["help"], ["--version"], ["rules"], ["explain", "exec-form"]])
    func informationalCommandsAreZero(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.exitCode == 0, "\(result)")
        #expect(!result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func versionLine() {
        let text = run(["--version"]).stdoutText
        #expect(text.hasPrefix("whittle "))
        #expect(text.hasSuffix("\n"))
        #expect(text.split(separator: "\n").count == 1)
    }

    // MARK: 1

    @Test func checkWithASafeFixPendingIsOne() {
        let result = run(["check", safe])
        #expect(result.exitCode == 1, "\(result)")
    }

    @Test func checkWithAnUnsafeFixIsOneUnderUnsafeFixes() {
        #expect(run(["check", "--unsafe-fixes", unsafe]).exitCode == 1)
    }

    @Test func onePendingFileAmongCleanOnesIsOne() {
        #expect(run(["check", clean, safe, clean]).exitCode == 1)
    }

    @Test(
        "--fail-on",
        arguments: [
            // (level, file, expected exit code); exec-form findings are warnings.
            ("fixable", "safe", Int32(1)), ("fixable", "unsafe", 0), ("fixable", "clean", 0),
            ("info", "unsafe", 1), ("info", "clean", 0),
            ("warning", "unsafe", 1), ("warning", "safe", 1),
            ("error", "safe", 0), ("error", "unsafe", 0),
            ("never", "safe", 0), ("never", "unsafe", 0),
        ])
    func failOn(_ level: String, _ file: String, _ expected: Int32) {
        let path = scratch.path("\(file)/Dockerfile")
        let result = run(["check", "--fail-on", level, "-q", path])
        #expect(result.exitCode == expected, "\(result)")
    }

    // MARK: 2

    @Test func aMissingFileIsTwo() {
        let missing = scratch.path("nope/Dockerfile")
        for command in ["diff", "fix", "check"] {
            let result = run([command, missing])
            #expect(result.exitCode == 2, "\(command): \(result)")
            #expect(result.stderr.contains("\(missing):1:1: error: no such file"), "\(command): \(result)")
        }
    }

    @Test func anUnreadableConfigurationIsTwo() {
        let result = run(["check", "--config", scratch.path("missing.toml"), clean])
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderr.hasPrefix(scratch.path("missing.toml") + ":1:1: error: "))
    }

    @Test func aBadFileOutranksPendingFixes() {
        // 2 says more than 1: a file was not looked at.
        let result = run(["check", safe, scratch.path("nope")])
        #expect(result.exitCode == 2, "\(result)")
    }

    // MARK: 64

    @Test func unknownOption() {
        for command in ["diff", "fix", "check"] {
            Expect.usageError(run([command, "--frobnicate", safe]), mentioning: "--frobnicate")
        }
        Expect.usageError(run(["--frobnicate", safe]), mentioning: "--frobnicate")
    }

    @Test func unknownShortOption() {
        Expect.usageError(run(["check", "-x", safe]), mentioning: "-x")
    }

    @Test
    func unknownCommand() {
        Expect.usageError(run(["frobnicate", safe]), mentioning: "frobnicate")
    }

    @Test func noPath() {
        Expect.usageError(run([]), mentioning: "no Dockerfile given")
        for command in ["diff", "fix", "check"] {
            Expect.usageError(run([command]), mentioning: "no Dockerfile given")
            Expect.usageError(run([command, "-q"]), mentioning: "no Dockerfile given")
        }
    }

    @Test func badFormat() {
        let result = run(["check", "--format", "yaml", safe])
        Expect.usageError(result, mentioning: "unknown format 'yaml'")
        #expect(result.stderr.contains("text, json, sarif, github, rdjson"))
    }

    @Test func stdoutWithoutFix() {
        Expect.usageError(run(["check", "--stdout", safe]), mentioning: "--stdout")
        Expect.usageError(run(["diff", "--stdout", safe]), mentioning: "--stdout")
        Expect.usageError(run(["--stdout", safe]), mentioning: "--stdout")
    }

    @Test func fixStdoutTakesOneFile() {
        Expect.usageError(run(["fix", "--stdout", safe, clean]), mentioning: "exactly one")
    }

    @Test func standardInputTwice() {
        Expect.usageError(run(["check", "-", "-"]), mentioning: "standard input")
    }

    @Test(arguments: [
        "--select", "--ignore", "--format", "--fail-on", "--config", "--context", "-U", "--color",
    ])
    func optionWithoutValue(_ option: String) {
        Expect.usageError(run(["check", option]), mentioning: "\(option) needs a value")
    }

    @Test(arguments: [
        ["--fail-on", "sometimes"], ["--color", "maybe"], ["-U", "-1"], ["--unified", "x"],
        ["--cache-style", "dirty"],
    ])
    func badOptionValue(_ option: [String]) {
        Expect.usageError(run(["check"] + option + [safe]), mentioning: option[1])
    }

    @Test func unknownPassID() {
        Expect.usageError(run(["check", "--select", "no-such-pass", safe]), mentioning: "no-such-pass")
        Expect.usageError(run(["check", "--ignore", "no-such-pass", safe]), mentioning: "no-such-pass")
        Expect.usageError(run(["explain", "no-such-pass"]), mentioning: "no-such-pass")
    }

    @Test func explainTakesOneID() {
        Expect.usageError(run(["explain"]))
        Expect.usageError(run(["explain", "exec-form", "exec-form"]))
    }

    @Test func usageErrorsNameTheCommandAndPointToHelp() {
        let result = run(["fix", "--frobnicate", safe])
        #expect(result.stderrLines.first == "Error: unknown option '--frobnicate' for fix")
        #expect(result.stderrLines.last == "Run 'whittle --help' for more.")
        // Nothing was written.
        #expect(scratch.text("safe/Dockerfile") == Sample.safe)
    }

    @Test func optionValuesAfterEqualsSign() {
        let result = run(["check", "--format=json", "--fail-on=never", safe])
        #expect(result.exitCode == 0, "\(result)")
        #expect((try? result.json()) != nil)
    }

    @Test func doubleDashEndsOptions() {
        // After `--`, `--frobnicate` is a path (that does not exist), not an option.
        let result = run(["check", "--", "--frobnicate"])
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderr.contains("--frobnicate:1:1: error: no such file"), "\(result)")
    }

    @Test
    func helpAfterACommand() {
        for command in ["diff", "fix", "check"] {
            let result = run([command, "--help"])
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stdoutText.contains("--unsafe-fixes"))
        }
    }

    @Test
    func attachedShortValue() {
        #expect(run(["diff", "-U0", safe]).exitCode == 0)
    }
}
