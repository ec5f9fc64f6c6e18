import Foundation
import GoldenSupport
import WhittleCLI

/// Runs `whittle parse` in-process, as the golden and oracle tests need it.
enum ParseCLI {
    struct Output {
        let exitCode: Int32
        let stdout: [UInt8]
        let stderr: String
    }

    static func run(_ arguments: [String]) -> Output {
        let io = ProcessIO()
        let code = WhittleMain.run(arguments: ["parse"] + arguments, io: io)
        return Output(exitCode: code, stdout: io.stdoutBuffer, stderr: io.stderrText)
    }

    /// `whittle parse --json FILE` as a JSON object, with `file` set to the file's name, which is
    /// what the command prints when run from the file's folder (tests cannot change the process's
    /// directory: they run in parallel).
    static func json(_ file: URL) -> (output: Output, object: [String: Any]?) {
        let output = run(["--json", file.path])
        guard var object = GoldenJSON.parse(output.stdout) as? [String: Any] else { return (output, nil) }
        if object["file"] as? String == file.path { object["file"] = file.lastPathComponent }
        return (output, object)
    }
}
