import Foundation
import GoldenSupport
import Testing
import WhittleCLI

/// `Golden/cli/<case>/`: a command line and what it prints.
///
/// A case holds `Dockerfile` (and any other input, e.g. a `whittle.toml`), optionally `args.txt`
/// (the arguments, one per line; default `check` `Dockerfile`) and `stdin.txt` (standard input),
/// and the expected `stdout.txt`, `stderr.txt` and `exit.txt`; for a `fix` that writes,
/// `fixed.txt` is the expected Dockerfile afterwards.
///
/// The case folder is copied to a temporary folder and whittle runs in-process from inside the
/// copy (the process changes directory, so the cases run one at a time), with relative paths, so
/// the outputs are stable, and no file of the repository is ever written. Configuration is found
/// from the copy upward, so a case sees its own `whittle.toml` and nothing of the repository's.
/// Record with `WHITTLE_RECORD=1 swift test --filter CLIGoldenTests`.
@Suite("Golden CLI", .serialized)
struct CLIGoldenTests {
    static let cases = GoldenCase.all(area: "cli")

    static let expectedFiles: Set<String> = [
        "stdout.txt", "stderr.txt", "exit.txt", "fixed.txt", "args.txt", "stdin.txt",
    ]

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 10, "Golden/cli holds \(Self.cases.count) cases")
    }

    @Test("whittle prints stdout.txt and stderr.txt and exits with exit.txt", arguments: cases)
    func golden(_ golden: GoldenCase) throws {
        let arguments = Self.arguments(golden)
        let stdinURL = golden.expected("stdin.txt")
        let stdin = (try? Data(contentsOf: stdinURL)).map { Array($0) } ?? []

        let scratch = try CLIScratch("golden-\(golden.name)")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.directory.path)
        where !Self.expectedFiles.contains(name) {
            try FileManager.default.copyItem(
                at: golden.directory.appendingPathComponent(name),
                to: scratch.url.appendingPathComponent(name))
        }
        let result = WorkingDirectory.inside(scratch.path) {
            CLI.run(arguments, in: scratch.path, stdin: stdin)
        }

        assertGolden(actual: result.stdout, file: golden.expected("stdout.txt"))
        assertGolden(actual: result.stderr, file: golden.expected("stderr.txt"))
        assertGolden(actual: "\(result.exitCode)\n", file: golden.expected("exit.txt"))
        let fixed = golden.expected("fixed.txt")
        if arguments.first == "fix" && !arguments.contains("--stdout") {
            assertGolden(actual: scratch.bytes("Dockerfile"), file: fixed)
        } else {
            #expect(scratch.bytes("Dockerfile") == golden.inputBytes, "the command changed the Dockerfile")
            #expect(!FileManager.default.fileExists(atPath: fixed.path), "fixed.txt is only for fix")
        }
    }

    static func arguments(_ golden: GoldenCase) -> [String] {
        guard let text = try? String(contentsOf: golden.expected("args.txt"), encoding: .utf8) else {
            return ["check", "Dockerfile"]
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
            !$0.isEmpty
        }
    }
}

/// Changes the process's working directory for the duration of `body`, one caller at a time.
///
/// Only the golden runner needs it; every other test uses absolute paths and passes its directory
/// to `ProcessIO`, so it does not matter where the process is meanwhile.
enum WorkingDirectory {
    private static let lock = NSLock()

    static func inside<T>(_ directory: String, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory) else {
            fatalError("cannot change directory to \(directory)")
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return try body()
    }
}
