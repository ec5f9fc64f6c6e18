import Foundation
import Testing

/// Files whittle cannot read or parse: each gives one `PATH:LINE:COL: error: MESSAGE` line on
/// stderr and exit 2, the file stays as it was, and the other files of the run are still processed.
@Suite("Bad input")
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let line: Int
        let message: String
        var testDescription: String { name }
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        return bom
            + text.utf16.flatMap { u in
                bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
            }
    }

    static func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
        let bom: [UInt8] = bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0]
        return bom
            + text.unicodeScalars.flatMap { s -> [UInt8] in
                let v = s.value
                let le = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
                return bigEndian ? le.reversed() : le
            }
    }

    static let cases: [Case] = [
        Case(
            name: "binary (NUL byte)", bytes: Array("FROM alpine\nCMD a".utf8) + [0] + Array("b\n".utf8),
            line: 2, message: "NUL"),
        Case(
            name: "binary (image)", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
            line: 1, message: "error: "),
        Case(
            name: "invalid UTF-8", bytes: Array("FROM alpine\n\nRUN echo ".utf8) + [0xC3, 0x28] + [0x0A],
            line: 3, message: "invalid UTF-8"),
        Case(
            name: "Latin-1", bytes: Array("FROM alpine\nLABEL author=\"Jos".utf8) + [0xE9, 0x22, 0x0A],
            line: 2, message: "invalid UTF-8"),
        Case(
            name: "UTF-16LE with BOM", bytes: utf16(Sample.safe, bigEndian: false), line: 1,
            message: "UTF-16LE"),
        Case(
            name: "UTF-16BE with BOM", bytes: utf16(Sample.safe, bigEndian: true), line: 1,
            message: "UTF-16BE"),
        Case(
            name: "UTF-32LE with BOM", bytes: utf32(Sample.safe, bigEndian: false), line: 1, message: "UTF-32"
        ),
        Case(
            name: "UTF-32BE with BOM", bytes: utf32(Sample.safe, bigEndian: true), line: 1, message: "UTF-32"),
        Case(
            name: "unterminated heredoc", bytes: Array("FROM alpine\nRUN <<EOF\necho hi\n".utf8), line: 2,
            message: "unterminated heredoc"),
        Case(name: "empty file", bytes: [], line: 1, message: "error: "),
        Case(name: "only comments", bytes: Array("# nothing here\n".utf8), line: 1, message: "error: "),
    ]

    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("bad") }

    @Test("diff, fix and check refuse the file and leave it alone", arguments: cases)
    func refused(_ c: Case) throws {
        let path = try scratch.write("Dockerfile", bytes: c.bytes)
        for command in [["diff"], ["fix"], ["check"], ["check", "--format", "json"], ["fix", "--stdout"]] {
            let result = CLI.run(command + [path], in: scratch.path)
            #expect(result.exitCode == 2, "\(command): \(result)")
            if command == ["fix"] {
                // fix adds its summary ("whittle: 0 of 1 file changed, 1 skipped." ...).
                let errors = result.stderrLines.filter { Expect.isErrorLine($0, path: path, line: c.line) }
                #expect(errors.count == 1, "\(command): \(result)")
                #expect(errors.first?.contains(c.message) == true, "\(command): \(result)")
                #expect(result.stderrLines.first == errors.first, "\(command): \(result)")
            } else {
                Expect.oneErrorLine(result, path: path, line: c.line, containing: c.message)
            }
            if command == ["diff"] || command == ["fix", "--stdout"] {
                #expect(result.stdout.isEmpty, "\(command): \(result)")
            }
            #expect(scratch.bytes("Dockerfile") == c.bytes, "\(command) changed the file")
            #expect(scratch.names() == ["Dockerfile"])
        }
    }

    @Test("the message names the encoding and how to convert", arguments: [false, true])
    func utf16Message(_ bigEndian: Bool) throws {
        let path = try scratch.write("Dockerfile", bytes: Self.utf16(Sample.safe, bigEndian: bigEndian))
        let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
        let result = CLI.run(["check", path], in: scratch.path)
        #expect(result.stderr.hasPrefix("\(path):1:1: error: the file is \(name)"), "\(result)")
        #expect(result.stderr.contains("iconv -f \(name) -t UTF-8"), "\(result)")
    }

    @Test func aUTF8ByteOrderMarkIsFine() throws {
        let path = try scratch.write("Dockerfile", bytes: [0xEF, 0xBB, 0xBF] + Array(Sample.safe.utf8))
        let result = CLI.run(["fix", "--stdout", path], in: scratch.path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == [0xEF, 0xBB, 0xBF] + Array(Sample.safeFixed.utf8))
    }

    @Test func aMissingFile() {
        let path = scratch.path("missing/Dockerfile")
        let result = CLI.run(["diff", path], in: scratch.path)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "\(path):1:1: error: no such file\n")
    }

    @Test
    func aDirectoryGivenAsTheFileOfFixStdout() throws {
        try scratch.write("dir/Dockerfile", Sample.safe)
        try scratch.write("dir/b.Dockerfile", Sample.safe)
        let directory = scratch.path("dir")
        let result = CLI.run(["fix", "--stdout", directory], in: scratch.path)
        #expect(result.exitCode == 2 || result.exitCode == 64, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains(directory), "\(result)")
    }

    @Test func aDirectoryNamedLikeADockerfileIsSearched() throws {
        // `whittle check x.Dockerfile` where x.Dockerfile is a folder: a folder is searched, not read.
        try scratch.write("x.Dockerfile/Dockerfile", Sample.safe)
        let folder = scratch.path("x.Dockerfile")
        let result = CLI.run(["check", "-q", folder], in: scratch.path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdoutText.hasPrefix("\(folder)/Dockerfile:2:1: exec-form"))
    }

    @Test("one bad file among good ones", arguments: [["diff"], ["fix"], ["check"]])
    func oneBadAmongGood(_ command: [String]) throws {
        let first = try scratch.write("a/Dockerfile", Sample.safe)
        let bad = try scratch.write("b/Dockerfile", bytes: Self.cases[2].bytes)
        let last = try scratch.write("c/Dockerfile", Sample.safe)
        let result = CLI.run(command + [first, bad, last], in: scratch.path)
        #expect(result.exitCode == 2, "\(result)")
        #expect(Expect.isErrorLine(result.stderrLines.first ?? "", path: bad, line: 3), "\(result)")
        #expect(result.stderrLines.filter { $0.contains("error:") }.count == 1, "\(result)")
        #expect(scratch.bytes("b/Dockerfile") == Self.cases[2].bytes)
        switch command {
        case ["diff"]:
            #expect(result.stdoutText.contains("--- a\(first)\n"))
            #expect(result.stdoutText.contains("--- a\(last)\n"))
        case ["fix"]:
            #expect(scratch.text("a/Dockerfile") == Sample.safeFixed)
            #expect(scratch.text("c/Dockerfile") == Sample.safeFixed)
        default:
            #expect(result.stdoutText.contains("\(first):2:1: exec-form"))
            #expect(result.stdoutText.contains("\(last):2:1: exec-form"))
        }
    }

    @Test func badFilesInAFolderSearch() throws {
        try scratch.write("tree/Dockerfile", Sample.safe)
        try scratch.write("tree/broken.Dockerfile", bytes: [0x46, 0, 0x0A])
        try scratch.write("tree/z/Dockerfile", Sample.safe)
        let result = CLI.run(["diff", scratch.path("tree")], in: scratch.path)
        #expect(result.exitCode == 2)
        #expect(result.stdoutText.components(separatedBy: "\n--- a/").count == 2, "\(result)")
        Expect.oneErrorLine(result, path: scratch.path("tree/broken.Dockerfile"), line: 1, containing: "NUL")
    }
}
