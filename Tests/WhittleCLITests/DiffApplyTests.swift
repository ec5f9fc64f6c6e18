import Foundation
import GoldenSupport
import Testing

/// Acceptance: what `whittle diff` prints is exactly what `whittle fix` does. For every input
/// Dockerfile under Golden/ (every area: parse, cli, passes/...) and Examples/:
///
///     whittle diff F > p; cp F G; patch G < p        # G == `whittle fix --stdout F`
///
/// and the same diff applies with `git apply` in a fresh repository. Variants: the default flags,
/// `--unsafe-fixes`, and `--unsafe-fixes -U 0` / `-U 1` (hunks with less context).
@Suite("diff applies to give fix's output")
struct DiffApplyTests {
    struct Input: Sendable, CustomTestStringConvertible, CustomStringConvertible {
        let label: String
        let file: URL
        var description: String { label }
        var testDescription: String { label }
    }

    /// Every folder under Golden/ that holds a `Dockerfile` (as `GoldenCase`, whatever its depth),
    /// then `Examples/*/Dockerfile`.
    static let inputs: [Input] = {
        var out: [Input] = []
        for golden in allGoldenCases(under: RepositoryPaths.golden, area: nil) {
            out.append(Input(label: golden.description, file: golden.input))
        }
        let examples = RepositoryPaths.root.appendingPathComponent("Examples")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).sorted() {
            let file = examples.appendingPathComponent(name).appendingPathComponent("Dockerfile")
            if FileManager.default.fileExists(atPath: file.path) {
                out.append(Input(label: "Examples/\(name)", file: file))
            }
        }
        return out
    }()

    static func allGoldenCases(under folder: URL, area: String?) -> [GoldenCase] {
        var cases: [GoldenCase] = []
        if let area, FileManager.default.fileExists(atPath: folder.appendingPathComponent("Dockerfile").path)
        {
            // A case; Dockerfiles in its sub-folders are data of the case, not cases.
            let parent = area.split(separator: "/").dropLast().joined(separator: "/")
            return [GoldenCase(area: parent, name: folder.lastPathComponent, directory: folder)]
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for name in names {
            let child = folder.appendingPathComponent(name, isDirectory: true)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            cases += allGoldenCases(under: child, area: area.map { "\($0)/\(name)" } ?? name)
        }
        return cases
    }

    static let variants: [[String]] = [[], ["--unsafe-fixes"], ["--unsafe-fixes", "-U", "0"], ["-U", "1"]]

    static let patch = "/usr/bin/patch"
    static let git = "/usr/bin/git"
    static var toolsPresent: Bool {
        FileManager.default.isExecutableFile(atPath: patch)
            && FileManager.default.isExecutableFile(atPath: git)
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= 40, "found \(Self.inputs.count) inputs")
        #expect(Self.inputs.contains { $0.label.hasPrefix("parse/") })
        #expect(Self.inputs.contains { $0.label.hasPrefix("cli/") })
    }

    @Test(
        "patch and git apply reproduce fix --stdout",
        .enabled(if: toolsPresent, "needs /usr/bin/patch and /usr/bin/git"),
        arguments: inputs)
    func applies(_ input: Input) throws {
        let folder = input.file.deletingLastPathComponent().path
        let original = Array(try Data(contentsOf: input.file))
        for variant in Self.variants {
            let fixed = CLI.run(["fix", "--stdout"] + variant + [input.file.path], in: folder)
            let diff = CLI.run(["diff"] + variant + [input.file.path], in: folder)
            if fixed.exitCode == 2 {
                // An input whittle refuses (a parse error, a bad encoding): both refuse it alike.
                #expect(diff.exitCode == 2, "\(variant): \(diff)")
                #expect(diff.stdout.isEmpty && fixed.stdout.isEmpty, "\(variant)")
                #expect(diff.stderr == fixed.stderr, "\(variant)")
                continue
            }
            try #require(fixed.exitCode == 0, "\(variant): \(fixed)")
            try #require(diff.exitCode == 0, "\(variant): \(diff)")
            #expect(diff.stderr == fixed.stderr, "\(variant)")
            if diff.stdout.isEmpty {
                #expect(fixed.stdout == original, "\(variant): no diff, but fix --stdout changes the file")
                continue
            }
            #expect(fixed.stdout != original, "\(variant): a diff, but fix --stdout changes nothing")

            // patch, given the file to patch (the header's name is not used).
            let scratch = try CLIScratch("apply")
            let target = try scratch.write("G", bytes: original)
            let patchOutput = try Subprocess.run(
                Self.patch, ["--batch", "--no-backup-if-mismatch", "--reject-file=-", target],
                stdin: diff.stdout,
                in: scratch.path)
            #expect(
                patchOutput.status == 0,
                "\(variant): patch: \(String(decoding: patchOutput.stdout + patchOutput.stderr, as: UTF8.self))"
            )
            #expect(
                scratch.bytes("G") == fixed.stdout,
                "\(variant): patch gives other bytes than fix --stdout\n\(diff.stdoutText)")
            #expect(scratch.names() == ["G"], "\(variant): patch left files behind")

            // git apply needs a path inside the repository: read the file as standard input named
            // `Dockerfile`, with the file's own folder as build context, which is the same run.
            let named = CLI.run(
                ["diff", "--stdin-filename", "Dockerfile", "--context", folder] + variant + ["-"], in: folder,
                stdin: original)
            #expect(
                Self.body(named.stdout) == Self.body(diff.stdout),
                "\(variant): stdin diff differs from the file diff")
            let repository = try scratch.makeFolder("repo")
            let environment = [
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": scratch.path,
                "LC_ALL": "C",
            ]
            try Subprocess.succeed(Self.git, ["init", "-q", "."], in: repository, environment: environment)
            try scratch.write("repo/Dockerfile", bytes: original)
            try scratch.write("change.diff", bytes: named.stdout)
            let zero = variant.contains("0") ? ["--unidiff-zero"] : []
            let gitOutput = try Subprocess.run(
                Self.git, ["apply", "--whitespace=nowarn"] + zero + [scratch.path("change.diff")],
                in: repository,
                environment: environment)
            #expect(
                gitOutput.status == 0,
                "\(variant): git apply: \(String(decoding: gitOutput.stderr, as: UTF8.self))")
            #expect(
                scratch.bytes("repo/Dockerfile") == fixed.stdout,
                "\(variant): git apply gives other bytes than fix --stdout")
        }
    }

    @Test func fixWritesWhatFixStdoutPrints() throws {
        // The last link: `fix` in place writes the bytes `fix --stdout` prints.
        for input in Self.inputs {
            let scratch = try CLIScratch("fix-in-place")
            let original = Array(try Data(contentsOf: input.file))
            let copy = try scratch.write("Dockerfile", bytes: original)
            let folder = input.file.deletingLastPathComponent().path
            let printed = CLI.run(["fix", "--stdout", "--context", folder, copy], in: folder)
            let written = CLI.run(["fix", "-q", "--context", folder, copy], in: folder)
            #expect(written.exitCode == printed.exitCode, "\(input)")
            if printed.exitCode == 0 {
                #expect(scratch.bytes("Dockerfile") == printed.stdout, "\(input)")
            } else {
                #expect(scratch.bytes("Dockerfile") == original, "\(input)")
            }
        }
    }

    @Test(
        "patch reproduces fix --stdout over the shared corpus",
        .enabled(if: SharedCorpus.availableOrNote() && toolsPresent, SharedCorpus.skipNote))
    func corpus() throws {
        var diffs = 0
        var refused = 0
        var failures: [String] = []
        for file in SharedCorpus.inputFiles() {
            let folder = file.deletingLastPathComponent().path
            let variant = ["--unsafe-fixes"]
            let fixed = CLI.run(["fix", "--stdout", "--no-config"] + variant + [file.path], in: folder)
            let diff = CLI.run(["diff", "--no-config"] + variant + [file.path], in: folder)
            guard fixed.exitCode == 0 else {
                refused += 1
                if diff.exitCode != fixed.exitCode || !diff.stdout.isEmpty {
                    failures.append("\(file.path): diff and fix disagree")
                }
                continue
            }
            guard diff.exitCode == 0 else {
                failures.append("\(file.path): diff exits with \(diff.exitCode)")
                continue
            }
            let original = Array(try Data(contentsOf: file))
            if diff.stdout.isEmpty {
                if fixed.stdout != original { failures.append("\(file.path): fix changes it, diff is empty") }
                continue
            }
            diffs += 1
            let scratch = try CLIScratch("corpus-apply")
            let target = try scratch.write("G", bytes: original)
            let result = try Subprocess.run(
                Self.patch, ["--batch", "--no-backup-if-mismatch", "--reject-file=-", "--quiet", target],
                stdin: diff.stdout, in: scratch.path)
            if result.status != 0 || scratch.bytes("G") != fixed.stdout {
                failures.append(
                    "\(file.path): patch status \(result.status), bytes equal: \(scratch.bytes("G") == fixed.stdout)"
                )
            }
        }
        print("note: corpus: \(diffs) diffs applied with patch, \(refused) files refused")
        #expect(
            failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
        #expect(diffs > 0)
    }

    /// A diff without its two header lines.
    static func body(_ diff: [UInt8]) -> ArraySlice<UInt8> {
        var newlines = 0
        for (i, byte) in diff.enumerated() where byte == 0x0A {
            newlines += 1
            if newlines == 2 { return diff[(i + 1)...] }
        }
        return diff[...]
    }
}
