import Foundation
import Testing

/// The reference tools in `../shared/tools` (BuildKit's own parser through its Python bindings).
///
/// `setup-peers` creates or reuses a venv and prints its `bin/` on its last line; `buildkit-dump`
/// prints BuildKit's reading of each file as one JSON line. Tests that need them skip when
/// `../shared/tools` is absent.
public enum PeerTools {
    public static var isAvailable: Bool {
        guard let tools = RepositoryPaths.sharedTools else { return false }
        return FileManager.default.fileExists(atPath: tools.appendingPathComponent("setup-peers").path)
            && FileManager.default.fileExists(atPath: tools.appendingPathComponent("buildkit-dump").path)
    }

    public static var skipNote: Comment {
        "skipped: ../shared/tools (setup-peers, buildkit-dump) is not next to the repository"
    }

    /// `isAvailable`, printing the skip note when the tools are absent (for `.enabled(if:)`).
    public static func availableOrNote() -> Bool {
        if isAvailable { return true }
        print("note: \(skipNote)")
        return false
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// Runs an executable and returns its standard output; throws with its standard error when it
    /// exits with a non-zero status.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let errBox = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errDone.wait()
        let errData = errBox.data
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(executable.path) exited with \(process.terminationStatus): "
                    + String(decoding: errData, as: UTF8.self))
        }
        return Array(outData)
    }

    /// The peers venv's `bin/` (runs `setup-peers`, which reuses an existing venv).
    public static func peersBin() throws -> URL {
        guard let tools = RepositoryPaths.sharedTools else {
            throw Failure(description: "no ../shared/tools")
        }
        let output = try run(
            URL(fileURLWithPath: "/usr/bin/env"), ["bash", tools.appendingPathComponent("setup-peers").path])
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        guard let last = lines.last, !last.isEmpty else {
            throw Failure(description: "setup-peers printed no bin directory")
        }
        return URL(fileURLWithPath: String(last), isDirectory: true)
    }

    /// BuildKit's reading of each file: one JSON object per file, in order (`buildkit-dump`).
    public static func buildkitDump(_ files: [URL]) throws -> [[String: Any]] {
        guard let tools = RepositoryPaths.sharedTools else {
            throw Failure(description: "no ../shared/tools")
        }
        let python = try peersBin().appendingPathComponent("python")
        let output = try run(
            python, [tools.appendingPathComponent("buildkit-dump").path] + files.map(\.path))
        let lines = output.split(separator: UInt8(ascii: "\n"))
        let objects = try lines.map { line -> [String: Any] in
            guard let object = GoldenJSON.parse(Array(line)) as? [String: Any] else {
                throw Failure(description: "buildkit-dump printed a line that is not a JSON object")
            }
            return object
        }
        guard objects.count == files.count else {
            throw Failure(
                description: "buildkit-dump printed \(objects.count) lines for \(files.count) files")
        }
        return objects
    }
}

/// Hands a pipe's data from its reader thread to the waiting caller (the semaphore orders them).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
