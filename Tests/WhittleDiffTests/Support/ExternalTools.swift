import Foundation

/// Applies unified diffs with the real `patch` and `git apply` tools in temporary directories.
enum ExternalTools {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let patchPath = "/usr/bin/patch"
    static let gitPath = "/usr/bin/git"

    static let diffPath = "/usr/bin/diff"

    static var hasDiff: Bool { FileManager.default.isExecutableFile(atPath: diffPath) }
    static var hasPatch: Bool { FileManager.default.isExecutableFile(atPath: patchPath) }
    static var hasGit: Bool { FileManager.default.isExecutableFile(atPath: gitPath) }

    /// Writes `old` to `<tmp>/<path>` and applies `diff` with `patch -p1`; returns the patched file.
    static func applyWithPatch(old: [UInt8], diff: [UInt8], path: String) throws -> [UInt8] {
        try withTemporaryDirectory { directory in
            try write(old, to: directory.appendingPathComponent(path))
            let diffURL = directory.appendingPathComponent("change.diff")
            try write(diff, to: diffURL)
            try run(
                patchPath,
                ["-p1", "--batch", "--no-backup-if-mismatch", "--reject-file=-", "-i", diffURL.path],
                in: directory
            )
            return try read(directory.appendingPathComponent(path))
        }
    }

    /// Writes `old` to `<tmp>/<path>` in a fresh git repository and applies `diff` with `git apply`;
    /// returns the patched file. Diffs made with zero context need `unidiffZero` (`--unidiff-zero`),
    /// which git requires for them.
    static func applyWithGit(old: [UInt8], diff: [UInt8], path: String, unidiffZero: Bool = false) throws
        -> [UInt8]
    {
        try withTemporaryDirectory { directory in
            try run(gitPath, ["init", "-q", "."], in: directory)
            try write(old, to: directory.appendingPathComponent(path))
            let diffURL = directory.appendingPathComponent("change.diff")
            try write(diff, to: diffURL)
            let options = unidiffZero ? ["--unidiff-zero"] : []
            try run(gitPath, ["apply", "--whitespace=nowarn"] + options + [diffURL.path], in: directory)
            return try read(directory.appendingPathComponent(path))
        }
    }

    /// The hunks part of `diff -U<context> old new` (GNU diffutils), without the two header lines.
    static func gnuDiffHunks(old: [UInt8], new: [UInt8], context: Int) throws -> [UInt8] {
        try withTemporaryDirectory { directory in
            try write(old, to: directory.appendingPathComponent("old"))
            try write(new, to: directory.appendingPathComponent("new"))
            let output = try run(
                diffPath, ["-U\(context)", "old", "new"], in: directory, acceptedStatuses: [0, 1])
            let lines = output.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count > 2 else { return [] }
            return Array(lines.dropFirst(2).joined(separator: [0x0A]))
        }
    }

    private static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("whittle-diff-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    private static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Reads a file; a file removed by the tool (empty result) reads as empty.
    private static func read(_ url: URL) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return [UInt8](try Data(contentsOf: url))
    }

    /// Runs a tool and returns its standard output; throws on an unexpected exit status.
    @discardableResult
    private static func run(
        _ executable: String, _ arguments: [String], in directory: URL, acceptedStatuses: Set<Int32> = [0]
    ) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["LC_ALL"] = "C"
        process.environment = environment
        // Capture into files (not pipes) so a chatty tool can never block on a full pipe.
        let stdoutURL = scratchFile()
        let stderrURL = scratchFile()
        defer {
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        defer { try? stdout.close() }
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer { try? stderr.close() }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        let output = try read(stdoutURL)
        guard acceptedStatuses.contains(process.terminationStatus) else {
            let errors = try read(stderrURL)
            throw Failure(
                description: "\(executable) \(arguments.joined(separator: " ")) exited with "
                    + "\(process.terminationStatus): \(String(decoding: output + errors, as: UTF8.self))")
        }
        return output
    }

    private static func scratchFile() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("whittle-diff-output-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }
}
