import Foundation
import WhittleSyntax

/// `whittle parse --benchmark PATH...`: reads the files once, then parses all of them in one
/// process several times and prints the best time, MB/s and files/s. A benchmark, not a test: it
/// prints figures and asserts nothing.
enum ParserBenchmark {
    static func run(paths: [String], io: ProcessIO) -> Int32 {
        let files: [[UInt8]] = paths.compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
        let bytes = files.reduce(0) { $0 + $1.count }
        var best = Double.infinity
        var instructions = 0
        var failures = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            instructions = 0
            failures = 0
            for file in files {
                if let parsed = try? Dockerfile.parse(file) {
                    instructions += parsed.nodes.count
                    if parsed.printed().count != file.count { failures += 1 }
                } else {
                    failures += 1
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let mb = Double(bytes) / 1_000_000
        io.out(
            String(
                format:
                    "parsed %d files (%.2f MB, %d nodes) in %.1f ms (best of 5): %.1f MB/s, %.0f files/s; %d not parsed\n",
                files.count, mb, instructions, best * 1000, mb / best, Double(files.count) / best, failures))
        return ExitCode.success
    }
}
