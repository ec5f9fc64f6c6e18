import Foundation
import Testing
import WhittleCLI

/// What one in-process run of whittle printed and returned.
struct CLIResult: CustomStringConvertible {
    let exitCode: Int32
    let stdout: [UInt8]
    let stderr: String

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// For failure messages.
    var description: String { "exit \(exitCode)\n--- stdout:\n\(stdoutText)\n--- stderr:\n\(stderr)" }

    /// Parses standard output as a JSON object.
    func json() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(stdout))
        return try #require(value as? [String: Any], "stdout is not a JSON object: \(stdoutText)")
    }
}

/// Runs whittle in-process with buffers for its streams.
///
/// Tests run in parallel in one process, so they never depend on the process's working directory:
/// paths are absolute and `directory` (where whittle.toml is searched from) is always given.
enum CLI {
    static func run(
        _ arguments: [String], in directory: String, stdin: [UInt8] = [], environment: [String: String] = [:],
        isTerminal: Bool = false
    ) -> CLIResult {
        let io = ProcessIO(
            stdin: stdin, isTerminal: isTerminal, environment: environment, currentDirectory: directory)
        let code = WhittleMain.run(arguments: arguments, io: io)
        return CLIResult(exitCode: code, stdout: io.stdoutBuffer, stderr: io.stderrText)
    }

    static func run(
        _ arguments: [String], in directory: String, stdin: String, environment: [String: String] = [:]
    ) -> CLIResult {
        run(arguments, in: directory, stdin: Array(stdin.utf8), environment: environment)
    }
}

/// Dockerfiles the tests share. Each is otherwise optimal, so that passes added later do not
/// change what these tests see: only `exec-form` has something to say about them.
enum Sample {
    /// One safe `exec-form` fix (a CMD with no ENTRYPOINT).
    static let safe = "FROM alpine:3.20\nCMD node server.js\n"
    static let safeFixed = "FROM alpine:3.20\nCMD [\"node\", \"server.js\"]\n"
    /// One unsafe `exec-form` fix (a shell-form ENTRYPOINT).
    static let unsafe = "FROM alpine:3.20\nENTRYPOINT /usr/local/bin/run --verbose\n"
    static let unsafeFixed = "FROM alpine:3.20\nENTRYPOINT [\"/usr/local/bin/run\", \"--verbose\"]\n"
    /// Nothing to report.
    static let clean = "FROM alpine:3.20\nCMD [\"node\", \"server.js\"]\n"
    /// A safe and an unsafe fix in two stages.
    static let both =
        "FROM alpine:3.20 AS build\nCMD make all\n\nFROM alpine:3.20\nENTRYPOINT /app/run --port 80\n"
    static let bothSafeFixed =
        "FROM alpine:3.20 AS build\nCMD [\"make\", \"all\"]\n\nFROM alpine:3.20\nENTRYPOINT /app/run --port 80\n"
    static let bothAllFixed =
        "FROM alpine:3.20 AS build\nCMD [\"make\", \"all\"]\n\nFROM alpine:3.20\nENTRYPOINT [\"/app/run\", \"--port\", \"80\"]\n"
}

/// A temporary folder for one test, removed when the value is released.
final class CLIScratch {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "cli") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("whittle-\(label)-\(UUID().uuidString)", isDirectory: true)
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The absolute path of `relative` inside the folder.
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Writes a file (creating its folders) and returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String, mode: Int? = nil) throws -> String {
        try write(relative, bytes: Array(text.utf8), mode: mode)
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8], mode: Int? = nil) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        if let mode {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        return file.path
    }

    @discardableResult
    func makeFolder(_ relative: String) throws -> String {
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
        return path(relative)
    }

    func bytes(_ relative: String) -> [UInt8] {
        (FileManager.default.contents(atPath: path(relative))).map { Array($0) } ?? []
    }

    func text(_ relative: String) -> String { String(decoding: bytes(relative), as: UTF8.self) }

    /// The names in a folder of the scratch area (hidden ones included), sorted.
    func names(_ relative: String = "") -> [String] {
        let folder = relative.isEmpty ? path : path(relative)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func mode(_ relative: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path(relative)))?[.posixPermissions] as? Int
    }
}

/// Expectations shared by the suites.
enum Expect {
    /// A usage error: nothing on stdout; `Error: ...`, `Usage: ...` and a hint on stderr; exit 64.
    static func usageError(
        _ result: CLIResult, mentioning fragment: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.exitCode == 64, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let lines = result.stderrLines
        #expect(lines.count == 3, "\(result)", sourceLocation: sourceLocation)
        guard lines.count == 3 else { return }
        #expect(lines[0].hasPrefix("Error: "), "\(result)", sourceLocation: sourceLocation)
        #expect(lines[1].hasPrefix("Usage: whittle"), "\(result)", sourceLocation: sourceLocation)
        #expect(lines[2].hasPrefix("Run 'whittle "), "\(result)", sourceLocation: sourceLocation)
        if let fragment {
            #expect(lines[0].contains(fragment), "\(result)", sourceLocation: sourceLocation)
        }
    }

    /// One `PATH:LINE:COL: error: MESSAGE` line on stderr for `path` (nothing else on stderr).
    static func oneErrorLine(
        _ result: CLIResult, path: String, line: Int? = nil, containing fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = result.stderrLines
        #expect(lines.count == 1, "\(result)", sourceLocation: sourceLocation)
        guard let first = lines.first else { return }
        #expect(isErrorLine(first, path: path, line: line), "\(result)", sourceLocation: sourceLocation)
        #expect(first.contains(fragment), "\(result)", sourceLocation: sourceLocation)
    }

    /// Whether `text` is `PATH:LINE:COL: error: MESSAGE` with positive numbers.
    static func isErrorLine(_ text: String, path: String, line: Int? = nil) -> Bool {
        guard text.hasPrefix(path + ":") else { return false }
        let rest = text.dropFirst(path.count + 1)
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]), l >= 1, c >= 1 else {
            return false
        }
        if let line, l != line { return false }
        return parts[2].hasPrefix(" error: ") && parts[2].count > " error: ".count
    }
}

/// Runs a program and collects what it prints.
enum Subprocess {
    struct Failure: Error, CustomStringConvertible { let description: String }

    struct Result {
        let status: Int32
        let stdout: [UInt8]
        let stderr: [UInt8]
    }

    /// Runs `executable` in `directory`. Standard input comes from a file and the outputs go to
    /// files, so a large output can never block the child.
    static func run(
        _ executable: String, _ arguments: [String], stdin: [UInt8] = [], in directory: String,
        environment: [String: String]? = nil
    ) throws -> Result {
        let scratch = try CLIScratch("subprocess")
        let input = try scratch.write("stdin", bytes: stdin)
        let output = try scratch.write("stdout", bytes: [])
        let errors = try scratch.write("stderr", bytes: [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        if let environment { process.environment = environment }
        let inHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        defer {
            try? inHandle.close()
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: scratch.bytes("stdout"),
            stderr: scratch.bytes("stderr"))
    }

    /// Like `run`, but throws with the program's output when it does not exit with 0.
    @discardableResult
    static func succeed(
        _ executable: String, _ arguments: [String], stdin: [UInt8] = [], in directory: String,
        environment: [String: String]? = nil
    ) throws -> [UInt8] {
        let result = try run(executable, arguments, stdin: stdin, in: directory, environment: environment)
        guard result.status == 0 else {
            throw Failure(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) exited with \(result.status): "
                    + String(decoding: result.stdout + result.stderr, as: UTF8.self))
        }
        return result.stdout
    }
}
