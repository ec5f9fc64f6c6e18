import Foundation

/// Where a command reads and writes. The real process uses the standard streams; tests use
/// buffers, so every command can be run in-process.
public final class ProcessIO: @unchecked Sendable {
    public private(set) var stdoutBuffer: [UInt8] = []
    public private(set) var stderrBuffer: [UInt8] = []
    private let stdinProvider: () -> [UInt8]
    private let passthrough: Bool
    /// Whether standard output is a terminal (colour, progress lines).
    public let isTerminal: Bool
    public let environment: [String: String]
    public let currentDirectory: String

    /// Buffers for tests.
    public init(
        stdin: [UInt8] = [], isTerminal: Bool = false, environment: [String: String] = [:],
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.stdinProvider = { stdin }
        self.passthrough = false
        self.isTerminal = isTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    private init(process: Void) {
        self.stdinProvider = { Array(FileHandle.standardInput.readDataToEndOfFile()) }
        self.passthrough = true
        self.isTerminal = isatty(1) != 0
        self.environment = ProcessInfo.processInfo.environment
        self.currentDirectory = FileManager.default.currentDirectoryPath
    }

    /// The process's own standard streams.
    public static func standard() -> ProcessIO { ProcessIO(process: ()) }

    public func readStdin() -> [UInt8] { stdinProvider() }

    public func out(_ s: String) { write(Array(s.utf8), toError: false) }
    public func out(bytes: [UInt8]) { write(bytes, toError: false) }
    public func err(_ s: String) { write(Array(s.utf8), toError: true) }

    private func write(_ bytes: [UInt8], toError: Bool) {
        if toError {
            if passthrough {
                flush()
                FileHandle.standardError.write(Data(bytes))
            } else {
                stderrBuffer += bytes
            }
        } else {
            stdoutBuffer += bytes
            if passthrough && stdoutBuffer.count > 1 << 16 { flush() }
        }
    }

    /// Writes buffered standard output (the process's streams only).
    public func flush() {
        guard passthrough, !stdoutBuffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(stdoutBuffer))
        stdoutBuffer.removeAll(keepingCapacity: true)
    }

    public var stdoutText: String { String(decoding: stdoutBuffer, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderrBuffer, as: UTF8.self) }
}
