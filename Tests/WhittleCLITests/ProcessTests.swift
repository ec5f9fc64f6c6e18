import Foundation
import Testing

/// The real `whittle` executable, run as a subprocess: exit codes, the standard streams and a
/// working directory of its own, as CI sees them.
@Suite("The whittle executable", .enabled(if: WhittleBinary.availableOrNote()))
struct ProcessTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("process") }

    func run(_ arguments: [String], stdin: String = "", in directory: String? = nil) throws -> CLIResult {
        try WhittleBinary.run(arguments, stdin: Array(stdin.utf8), in: directory ?? scratch.path)
    }

    @Test func version() throws {
        let result = try run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stdoutText.hasPrefix("whittle "))
        #expect(result.stderr.isEmpty)
    }

    @Test func exitCodes() throws {
        try scratch.write("safe/Dockerfile", Sample.safe)
        try scratch.write("clean/Dockerfile", Sample.clean)
        #expect(try run(["check", "safe/Dockerfile"]).exitCode == 1)
        #expect(try run(["check", "clean/Dockerfile"]).exitCode == 0)
        #expect(try run(["diff", "safe/Dockerfile"]).exitCode == 0)
        #expect(try run(["check", "missing/Dockerfile"]).exitCode == 2)
        Expect.usageError(try run(["check", "--frobnicate", "safe/Dockerfile"]), mentioning: "--frobnicate")
        Expect.usageError(try run([]), mentioning: "no Dockerfile given")
    }

    @Test func relativePathsFromTheWorkingDirectory() throws {
        try scratch.write("Dockerfile", Sample.safe)
        let result = try run(["diff", "Dockerfile"])
        #expect(result.stdoutText.hasPrefix("--- a/Dockerfile\n+++ b/Dockerfile\n"), "\(result)")
        let dotted = try run(["check", "-q", "./Dockerfile"])
        #expect(dotted.stdoutText.hasPrefix("Dockerfile:2:1: exec-form"), "\(dotted)")
        let diffDotted = try run(["diff", "./Dockerfile"])
        #expect(diffDotted.stdoutText.hasPrefix("--- a/Dockerfile\n"), "\(diffDotted)")
    }

    @Test func folderSearchFromTheWorkingDirectory() throws {
        try scratch.write("Dockerfile", Sample.safe)
        try scratch.write("svc/api.Dockerfile", Sample.safe)
        let result = try run(["diff", "."])
        let headers = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("--- ") }
        #expect(headers == ["--- a/Dockerfile", "--- a/svc/api.Dockerfile"], "\(result)")
    }

    @Test
    func pathsFoundUnderDotHaveNoDotSlash() throws {
        try scratch.write("Dockerfile", Sample.safe)
        let github = try run(["check", "--format", "github", "."])
        #expect(github.stdoutText.hasPrefix("::warning file=Dockerfile,"), "\(github)")
        let rdjson = try run(["check", "--format", "rdjson", "."]).json()
        let diagnostic = (rdjson["diagnostics"] as? [[String: Any]])?.first
        #expect((diagnostic?["location"] as? [String: Any])?["path"] as? String == "Dockerfile")
    }

    @Test func configurationFromTheWorkingDirectory() throws {
        try scratch.write("whittle.toml", "ignore = [\"exec-form\"]\n")
        try scratch.write("app/Dockerfile", Sample.safe)
        #expect(try run(["check", "app/Dockerfile"]).exitCode == 0)
        #expect(try run(["check", "Dockerfile"], in: scratch.path("app")).exitCode == 0)
        #expect(try run(["check", "--no-config", "app/Dockerfile"]).exitCode == 1)
    }

    @Test func standardInput() throws {
        let diff = try run(["diff", "--stdin-filename", "Dockerfile", "-"], stdin: Sample.safe)
        #expect(diff.exitCode == 0)
        #expect(diff.stdoutText.hasPrefix("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n"), "\(diff)")
        let fixed = try run(["fix", "--stdout", "-"], stdin: Sample.safe)
        #expect(fixed.stdoutText == Sample.safeFixed)
        let check = try run(["check", "-"], stdin: Sample.safe)
        #expect(check.exitCode == 1)
        #expect(check.stdoutText.hasPrefix("-:2:1: exec-form"))
    }

    @Test func fixWritesTheFile() throws {
        try scratch.write("Dockerfile", Sample.safe, mode: 0o640)
        let result = try run(["fix", "Dockerfile"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("whittle: 1 of 1 file changed.\n"))
        #expect(scratch.text("Dockerfile") == Sample.safeFixed)
        #expect(scratch.mode("Dockerfile") == 0o640)
        #expect(scratch.names() == ["Dockerfile"])
    }

    @Test func largeOutputArrivesWholeAndErrorsStayInOrder() throws {
        // Enough files to pass the 64 KB output buffer, with an unreadable one in the middle.
        for n in 0..<300 { try scratch.write(String(format: "tree/%03d/Dockerfile", n), Sample.safe) }
        try scratch.write("tree/150/Dockerfile", bytes: [0x46, 0, 0x0A])
        let result = try run(["diff", "tree"])
        #expect(result.exitCode == 2)
        let headers = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("--- a/") }
        #expect(headers.count == 299)
        #expect(result.stdoutText.hasSuffix("+CMD [\"node\", \"server.js\"]\n"))
        #expect(
            result.stderr
                == "tree/150/Dockerfile:1:2: error: binary data (a NUL byte); this is not a text Dockerfile\n"
        )
    }

    @Test func jsonGoesToStdoutAndErrorsToStderr() throws {
        try scratch.write("a/Dockerfile", Sample.safe)
        try scratch.write("b/Dockerfile", bytes: [0xFF, 0x0A])
        let result = try run(["check", "--format", "json", "a/Dockerfile", "b/Dockerfile"])
        #expect(result.exitCode == 2)
        let json = try result.json()
        #expect((json["summary"] as? [String: Any])?["errors"] as? Int == 1)
        #expect(result.stderr.hasPrefix("b/Dockerfile:1:1: error: invalid UTF-8"))
    }
}

/// Finds the `whittle` executable built next to the test bundle, and runs it.
enum WhittleBinary {
    static let url: URL? = {
        var candidates: [URL] = []
        // The test bundle lives in the build folder (`.build/<triple>/debug/`), next to `whittle`.
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("whittle"))
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("whittle"))
            // macOS: `.build/debug/whittlePackageTests.xctest/Contents/MacOS/whittlePackageTests`.
            candidates.append(
                executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("whittle"))
        }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("whittle"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func availableOrNote() -> Bool {
        if url != nil { return true }
        print(
            "note: skipped: no `whittle` executable next to the test bundle (\(Bundle.main.bundleURL.path))")
        return false
    }

    /// Runs whittle in `directory` with `stdin`.
    static func run(_ arguments: [String], stdin: [UInt8] = [], in directory: String) throws -> CLIResult {
        guard let url else { throw Subprocess.Failure(description: "no whittle executable") }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        let result = try Subprocess.run(
            url.path, arguments, stdin: stdin, in: directory, environment: environment)
        return CLIResult(
            exitCode: result.status, stdout: result.stdout,
            stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}
