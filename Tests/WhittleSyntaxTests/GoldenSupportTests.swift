import Foundation
import GoldenSupport
import Testing

/// The golden-file tooling itself: case discovery, JSON normalisation, and that a mismatch or a
/// missing file fails. (Recording is not tested here: it depends on the process environment.)
@Suite("Golden support")
struct GoldenSupportTests {
    @Test func repositoryRootHoldsThePackage() {
        let manifest = RepositoryPaths.root.appendingPathComponent("Package.swift")
        #expect(FileManager.default.fileExists(atPath: manifest.path))
        #expect(RepositoryPaths.golden.lastPathComponent == "Golden")
    }

    @Test func parseCasesAreSortedAndHoldAnInput() {
        let cases = GoldenCase.all(area: "parse")
        #expect(!cases.isEmpty)
        #expect(cases.map(\.name) == cases.map(\.name).sorted())
        for golden in cases {
            #expect(FileManager.default.fileExists(atPath: golden.input.path), "\(golden)")
            #expect(golden.expected("parse.json").deletingLastPathComponent() == golden.directory)
        }
        #expect(GoldenCase.all(area: "no-such-area").isEmpty)
    }

    @Test func canonicalJSONIgnoresKeyOrderAndLayout() throws {
        let a = GoldenJSON.canonical(Array(#"{"b":[1,true,null],"a":"x/é"}"#.utf8))
        let b = GoldenJSON.canonical(Array("{ \"a\" : \"x\\/\\u00e9\",\n \"b\" : [ 1, true, null ] }".utf8))
        #expect(a != nil)
        #expect(a == b)
        #expect(
            GoldenJSON.canonical(Array(#"{"a":1}"#.utf8)) != GoldenJSON.canonical(Array(#"{"a":true}"#.utf8)))
        #expect(GoldenJSON.canonical(Array("not json".utf8)) == nil)
    }

    @Test func canonicalJSONLayout() {
        let text = GoldenJSON.canonical(Array(#"{"z":[],"a":{"k":["v",{}]},"s":"a\"b\\c,:[]{}"}"#.utf8))
        #expect(
            text == """
                {
                  "a": {
                    "k": [
                      "v",
                      {}
                    ]
                  },
                  "s": "a\\"b\\\\c,:[]{}",
                  "z": []
                }

                """)
    }

    @Test func lineDiffShowsChangedLines() {
        let diff = Golden.lineDiff(expected: "a\nb\nc", actual: "a\nB\nc")
        #expect(diff == "-2: b\n+2: B")
    }

    @Test(.enabled(if: !Golden.isRecording)) func matchingGoldenPasses() throws {
        let file = try Self.scratchFile("match.txt", "same\n")
        assertGolden(actual: "same\n", file: file)
        assertGolden(actual: Array("same\n".utf8), file: file)
    }

    @Test(.enabled(if: !Golden.isRecording)) func mismatchFails() throws {
        let file = try Self.scratchFile("mismatch.txt", "expected\n")
        withKnownIssue("a mismatch must fail") {
            assertGolden(actual: "actual\n", file: file)
        }
        let json = try Self.scratchFile("mismatch.json", #"{"a": 1}"#)
        withKnownIssue("a JSON mismatch must fail") {
            assertGoldenJSON(actual: #"{"a":2}"#, file: json)
        }
        assertGoldenJSON(actual: #"{ "a" : 1 }"#, file: json)
    }

    @Test(.enabled(if: !Golden.isRecording)) func missingGoldenFails() throws {
        let missing = FileManager.default.temporaryDirectory
            .appendingPathComponent("whittle-golden-\(UUID().uuidString)/none.txt")
        withKnownIssue("a missing golden file must fail") {
            assertGolden(actual: "x", file: missing)
        }
        #expect(
            !FileManager.default.fileExists(atPath: missing.path), "nothing is written without WHITTLE_RECORD"
        )
    }

    static func scratchFile(_ name: String, _ contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("whittle-golden-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return file
    }
}
