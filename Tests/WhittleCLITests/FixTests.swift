import Foundation
import Testing

@testable import WhittleCLI

/// `whittle fix`: rewrites files in place, atomically (a temporary file renamed over the
/// original), keeping the file's mode, never over a change made since it was read, and only with
/// the fixes the flags allow.
@Suite("Fix")
struct FixTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("fix") }

    func fix(_ arguments: [String]) -> CLIResult { CLI.run(["fix"] + arguments, in: scratch.path) }

    @Test func rewritesInPlace() throws {
        let path = try scratch.write("app/Dockerfile", Sample.safe)
        let result = fix([path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "whittle: 1 of 1 file changed.\n  exec-form: 1 fix\n")
        #expect(scratch.text("app/Dockerfile") == Sample.safeFixed)
    }

    @Test func leavesNoTemporaryFiles() throws {
        try scratch.write("app/Dockerfile", Sample.safe)
        try scratch.write("app/other.Dockerfile", Sample.clean)
        _ = fix([scratch.path("app")])
        #expect(scratch.names("app") == ["Dockerfile", "other.Dockerfile"])
    }

    @Test(arguments: [0o640, 0o600, 0o755, 0o444])
    func keepsTheFileMode(_ mode: Int) throws {
        let path = try scratch.write("Dockerfile", Sample.safe, mode: mode)
        #expect(scratch.mode("Dockerfile") == mode)
        let result = fix([path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(scratch.text("Dockerfile") == Sample.safeFixed)
        #expect(scratch.mode("Dockerfile") == mode)
    }

    @Test func replacesTheFileRatherThanWritingIntoIt() throws {
        // A reader holding the old file keeps seeing the old bytes: the new file is a new inode.
        let path = try scratch.write("Dockerfile", Sample.safe)
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        let before = try #require(
            (try FileManager.default.attributesOfItem(atPath: path))[.systemFileNumber] as? Int)
        _ = fix([path])
        let after = try #require(
            (try FileManager.default.attributesOfItem(atPath: path))[.systemFileNumber] as? Int)
        #expect(before != after)
        #expect(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self) == Sample.safe)
    }

    @Test func anUnchangedFileIsNotTouched() throws {
        let path = try scratch.write("Dockerfile", Sample.clean)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let result = fix([path])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "whittle: 0 of 1 file changed.\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == before)
    }

    @Test func stdoutPrintsAndWritesNothing() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let result = fix(["--stdout", path])
        #expect(result.exitCode == 0)
        #expect(result.stdoutText == Sample.safeFixed)
        #expect(result.stderr.isEmpty)
        #expect(scratch.text("Dockerfile") == Sample.safe)
        #expect(scratch.names() == ["Dockerfile"])
    }

    @Test func aSecondFixChangesNothing() throws {
        let path = try scratch.write("Dockerfile", Sample.both)
        _ = fix(["--unsafe-fixes", path])
        let once = scratch.bytes("Dockerfile")
        #expect(String(decoding: once, as: UTF8.self) == Sample.bothAllFixed)
        let again = fix(["--unsafe-fixes", path])
        #expect(again.stderr == "whittle: 0 of 1 file changed.\n")
        #expect(scratch.bytes("Dockerfile") == once)
        #expect(CLI.run(["diff", "--unsafe-fixes", path], in: scratch.path).stdout.isEmpty)
        #expect(CLI.run(["check", "--unsafe-fixes", path], in: scratch.path).exitCode == 0)
    }

    @Test func unsafeFixesOnlyWithTheFlag() throws {
        let path = try scratch.write("Dockerfile", Sample.both)
        let plain = fix([path])
        #expect(scratch.text("Dockerfile") == Sample.bothSafeFixed)
        #expect(plain.stderr.hasSuffix("  1 unsafe fix not applied, use --unsafe-fixes.\n"), "\(plain)")
        let flagged = fix(["--unsafe-fixes", path])
        #expect(scratch.text("Dockerfile") == Sample.bothAllFixed)
        #expect(!flagged.stderr.contains("not applied"))
    }

    @Test func quietPrintsNoSummary() throws {
        let path = try scratch.write("Dockerfile", Sample.safe)
        let result = fix(["-q", path])
        #expect(result.stderr.isEmpty)
        #expect(scratch.text("Dockerfile") == Sample.safeFixed)
    }

    @Test func badFilesAreSkippedAndNamed() throws {
        let good = try scratch.write("good/Dockerfile", Sample.safe)
        let bad = try scratch.write("bad/Dockerfile", bytes: [0xFF, 0xFE, 0x46, 0x00])
        let result = fix([bad, good])
        #expect(result.exitCode == 2)
        #expect(scratch.text("good/Dockerfile") == Sample.safeFixed)
        #expect(scratch.bytes("bad/Dockerfile") == [0xFF, 0xFE, 0x46, 0x00])
        let lines = result.stderrLines
        #expect(Expect.isErrorLine(lines.first ?? "", path: bad, line: 1), "\(result)")
        #expect(lines.dropFirst().first == "whittle: 1 of 2 files changed, 1 skipped.", "\(result)")
        #expect(lines.contains { $0.hasPrefix("  skipped \(bad): 1:1: the file is UTF-16LE") }, "\(result)")
    }

    @Test
    func writesThroughASymlink() throws {
        let real = try scratch.write("real.Dockerfile", Sample.safe, mode: 0o644)
        let link = scratch.path("Dockerfile")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.Dockerfile")
        let result = fix([link])
        #expect(result.exitCode == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.Dockerfile")
        #expect(scratch.text("real.Dockerfile") == Sample.safeFixed)
        #expect(scratch.mode("real.Dockerfile") == 0o644)
        _ = real
    }

    // MARK: AtomicWriter

    @Test func atomicWriterReplaces() throws {
        let path = try scratch.write("Dockerfile", "old\n", mode: 0o640)
        try AtomicWriter.replace(path: path, with: Array("new\n".utf8), expected: Array("old\n".utf8))
        #expect(scratch.text("Dockerfile") == "new\n")
        #expect(scratch.mode("Dockerfile") == 0o640)
        #expect(scratch.names() == ["Dockerfile"])
    }

    @Test func atomicWriterRefusesAFileChangedSinceItWasRead() throws {
        let path = try scratch.write("Dockerfile", "edited meanwhile\n")
        #expect {
            try AtomicWriter.replace(
                path: path, with: Array("whittle's\n".utf8), expected: Array("as read\n".utf8))
        } throws: { error in
            (error as? AtomicWriter.Failure)?.message.contains("changed since whittle read it") == true
        }
        #expect(scratch.text("Dockerfile") == "edited meanwhile\n")
        #expect(scratch.names() == ["Dockerfile"])
    }

    @Test func atomicWriterRefusesAFileThatDisappeared() throws {
        let path = scratch.path("gone")
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replace(path: path, with: [0x41], expected: [])
        }
        #expect(scratch.names().isEmpty)
    }
}
