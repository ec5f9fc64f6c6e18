import Foundation
import GoldenSupport
import Testing

/// `Golden/parse/<case>/`: `parse.json` is what `whittle parse --json Dockerfile` prints in the
/// case's folder (compared as JSON values; recorded pretty-printed with sorted keys), and
/// `parse --print` gives back the input byte for byte.
@Suite("Golden parse")
struct ParseGoldenTests {
    static let cases = GoldenCase.all(area: "parse")

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 35, "Golden/parse holds \(Self.cases.count) cases")
    }

    @Test("parse --json matches parse.json", arguments: cases)
    func json(_ golden: GoldenCase) throws {
        let (output, object) = ParseCLI.json(golden.input)
        #expect(output.exitCode == 0, "exit code \(output.exitCode): \(output.stderr)")
        #expect(output.stderr.isEmpty, "\(output.stderr)")
        let parsed = try #require(object, "not JSON: \(String(decoding: output.stdout, as: UTF8.self))")
        let text = try #require(GoldenJSON.encode(parsed))
        if KnownParserBugs.goldenCases[golden.name] != nil && Golden.isRecording {
            Issue.record(
                "not re-recorded: \(golden.name) is a known parser bug, its parse.json holds BuildKit's reading"
            )
            return
        }
        KnownParserBugs.check(golden.name) {
            assertGoldenJSON(actual: text, file: golden.expected("parse.json"))
        }
    }

    @Test("parse --print reproduces the input", arguments: cases)
    func print(_ golden: GoldenCase) {
        let output = ParseCLI.run(["--print", golden.input.path])
        #expect(output.exitCode == 0, "exit code \(output.exitCode): \(output.stderr)")
        #expect(output.stderr.isEmpty)
        let input = golden.inputBytes
        #expect(output.stdout == input, "printed \(output.stdout.count) bytes for an input of \(input.count)")
    }
}
