import Foundation
import WhittleSyntax

/// A Dockerfile read from disk or standard input, checked to be a text Dockerfile.
struct InputFile {
    /// The path as the user gave it (or the `--stdin-filename`, or `-`).
    let path: String
    let bytes: [UInt8]
    let encoding: SourceEncoding

    /// A problem reading the input, reported as `PATH:LINE:COL: error: MESSAGE`.
    struct Problem: Error {
        let path: String
        let error: SyntaxError

        var line: String { "\(path):\(error.line):\(error.column): error: \(error.message)" }
    }

    static func read(path: String, io: ProcessIO, stdinName: String? = nil) -> Result<InputFile, Problem> {
        if path == "-" {
            let bytes = io.readStdin()
            return .success(InputFile(path: stdinName ?? "-", bytes: bytes, encoding: .detect(bytes)))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Problem(path: path, error: SyntaxError(.unreadable, "no such file", line: 1)))
        }
        if isDirectory.boolValue {
            return .failure(
                Problem(
                    path: path, error: SyntaxError(.unreadable, "is a directory, not a Dockerfile", line: 1)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                Problem(
                    path: path,
                    error: SyntaxError(.unreadable, "cannot read the file (permission denied?)", line: 1)))
        }
        let bytes = Array(data)
        return .success(InputFile(path: path, bytes: bytes, encoding: .detect(bytes)))
    }

    /// Parses the file for a command that optimises it: any encoding other than UTF-8, any text
    /// problem and any BuildKit error is a problem.
    func parseStrict() -> Result<Dockerfile, Problem> {
        if let rejection = encoding.rejection { return .failure(Problem(path: path, error: rejection)) }
        do {
            let file = try Dockerfile.parse(bytes)
            if let error = file.error { return .failure(Problem(path: path, error: error)) }
            return .success(file)
        } catch {
            return .failure(Problem(path: path, error: error))
        }
    }

    /// Parses the file for the lossless printer: a UTF-16/32 file is transcoded, and BuildKit's
    /// errors do not stop the tree from being printed.
    func parseLossless() -> Result<Dockerfile, Problem> {
        guard let utf8 = encoding.decode(bytes) else {
            return .failure(
                Problem(
                    path: path, error: SyntaxError(.unreadable, "invalid \(encoding.rawValue) text", line: 1))
            )
        }
        do {
            return .success(try Dockerfile.parse(utf8))
        } catch {
            return .failure(Problem(path: path, error: error))
        }
    }
}
