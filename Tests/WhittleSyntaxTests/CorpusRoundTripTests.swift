import Foundation
import GoldenSupport
import Testing
import WhittleSyntax

/// Every file of the shared corpus (`../shared/corpus`) prints back byte for byte, in-process. A
/// UTF-16/32 file is transcoded as `parse --print` does. Skipped when the corpus is absent.
@Suite("Corpus round trip", .enabled(if: SharedCorpus.availableOrNote(), SharedCorpus.skipNote))
struct CorpusRoundTripTests {
    @Test func everyCorpusFileRoundTrips() throws {
        let files = SharedCorpus.inputFiles()
        #expect(files.count > 1000, "the corpus holds \(files.count) files")
        let clock = ContinuousClock()
        var bytesRead = 0
        var transcoded = 0
        var failures: [String] = []
        let elapsed = clock.measure {
            for url in files {
                let name = url.path.replacingOccurrences(
                    of: (SharedCorpus.folder?.path ?? "") + "/", with: "")
                guard let data = try? Data(contentsOf: url) else {
                    failures.append("\(name): cannot read")
                    continue
                }
                let bytes = Array(data)
                bytesRead += bytes.count
                let encoding = SourceEncoding.detect(bytes)
                guard let utf8 = encoding.decode(bytes) else {
                    failures.append("\(name): not valid \(encoding.rawValue)")
                    continue
                }
                if encoding != .utf8 { transcoded += 1 }
                do {
                    let file = try Dockerfile.parse(utf8)
                    if let problem = losslessnessProblem(file, utf8) {
                        failures.append("\(name): \(problem)")
                    } else if encoding.encode(file.printed()) != bytes {
                        failures.append("\(name): the re-encoded print differs from the file")
                    }
                } catch {
                    failures.append("\(name): \(error)")
                }
            }
        }
        print(
            "corpus round trip: \(files.count) files (\(transcoded) transcoded), \(bytesRead / 1024) KiB in \(elapsed)"
        )
        #expect(
            failures.isEmpty, "\(failures.count) files fail: \(failures.prefix(10).joined(separator: "\n"))")
    }
}
