import Foundation
import Testing

@testable import WhittleCLI

/// A folder on the command line is searched for `Dockerfile`, `*.Dockerfile`, `Dockerfile.*`,
/// `Containerfile` and `*.containerfile` (any case), skipping version control, dependency and
/// build folders; the files come out sorted, so reports are stable.
@Suite("Folder search")
struct FolderSearchTests {
    let scratch: CLIScratch

    /// Files whittle must find, in the order it must list them (relative to the tree).
    static let found = [
        "Containerfile",
        "Dockerfile",
        "Dockerfile.dev",
        "a.Dockerfile",
        "sub/Dockerfile",
        "sub/deeper/api.dockerfile",
        "x.containerfile",
    ]

    /// Files it must not look at: other names, and anything under a skipped folder.
    static let ignored = [
        "README",
        "notes.txt",
        "Dockerfiles/readme.txt",
        "dockerfile-generator.py",
        ".git/Dockerfile",
        ".git/hooks/a.Dockerfile",
        "node_modules/pkg/Dockerfile",
        ".build/checkouts/x/Dockerfile",
        ".venv/Dockerfile",
        "sub/node_modules/Dockerfile",
    ]

    init() throws {
        scratch = try CLIScratch("search")
        for name in Self.found { try scratch.write("tree/" + name, Sample.safe) }
        // The same fixable content everywhere: a file read by mistake shows up in the diff.
        for name in Self.ignored { try scratch.write("tree/" + name, Sample.safe) }
    }

    var tree: String { scratch.path("tree") }

    /// The `--- a/...` paths of a diff, in order.
    func diffPaths(_ result: CLIResult) -> [String] {
        // Headers name absolute paths without their leading `/` (`--- a/tmp/...`).
        result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("--- a/") }.map {
            "/" + String($0.dropFirst(6))
        }
    }

    @Test func diffFindsEveryDockerfileSorted() {
        let result = CLI.run(["diff", tree], in: scratch.path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(diffPaths(result) == Self.found.map { tree + "/" + $0 })
    }

    @Test func trailingSlashMakesNoDoubleSlash() {
        let result = CLI.run(["diff", tree + "/"], in: scratch.path)
        #expect(diffPaths(result) == Self.found.map { tree + "/" + $0 })
    }

    @Test func checkJSONListsTheSameFilesInTheSameOrder() throws {
        let json = try CLI.run(["check", "--format", "json", tree], in: scratch.path).json()
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == Self.found.map { tree + "/" + $0 })
        #expect((json["summary"] as? [String: Any])?["errors"] as? Int == 0)
    }

    @Test func fixRewritesOnlyTheFoundFiles() {
        let result = CLI.run(["fix", tree], in: scratch.path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.hasPrefix("whittle: 7 of 7 files changed.\n"), "\(result)")
        for name in Self.found { #expect(scratch.text("tree/" + name) == Sample.safeFixed, "\(name)") }
        for name in Self.ignored { #expect(scratch.text("tree/" + name) == Sample.safe, "\(name)") }
    }

    @Test func filesGivenByNameAreReadWhateverTheirName() throws {
        let odd = try scratch.write("build.txt", Sample.safe)
        let result = CLI.run(["check", "-q", odd], in: scratch.path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdoutText.hasPrefix(odd + ":2:1: exec-form"))
    }

    @Test func aSkippedFolderGivenByNameIsSearched() {
        // Only folders met during the search are skipped; one named on the command line is searched.
        let result = CLI.run(["diff", tree + "/node_modules"], in: scratch.path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(diffPaths(result) == [tree + "/node_modules/pkg/Dockerfile"])
    }

    @Test func folderAndFileArgumentsKeepTheirOrder() {
        let single = tree + "/x.containerfile"
        let result = CLI.run(["diff", single, tree + "/sub"], in: scratch.path)
        #expect(diffPaths(result) == [single, tree + "/sub/Dockerfile", tree + "/sub/deeper/api.dockerfile"])
    }

    @Test func anEmptyFolderIsNotAnError() throws {
        let empty = try scratch.makeFolder("empty")
        let result = CLI.run(["check", empty], in: scratch.path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "whittle: no Dockerfile found under \(empty)\n")
        #expect(CLI.run(["check", "-q", empty], in: scratch.path).stderr.isEmpty)
    }

    @Test func symlinkedFoldersAreNotFollowed() throws {
        let loop = try scratch.makeFolder("loop")
        try scratch.write("loop/Dockerfile", Sample.safe)
        try FileManager.default.createSymbolicLink(atPath: loop + "/again", withDestinationPath: loop)
        let result = CLI.run(["diff", loop], in: scratch.path)
        #expect(diffPaths(result) == [loop + "/Dockerfile"])
    }

    @Test(arguments: [
        ("Dockerfile", true), ("dockerfile", true), ("DOCKERFILE", true), ("Containerfile", true),
        ("api.Dockerfile", true), ("Dockerfile.dev", true), ("x.containerfile", true),
        ("Containerfile.arm64", true),
        ("Dockerfiles", false), ("MyDockerfile", false), ("Dockerfile_old", false), ("README.md", false),
        ("docker-compose.yml", false), (".dockerignore", false),
    ])
    func dockerfileNames(_ name: String, _ isDockerfile: Bool) {
        #expect(FileDiscovery.isDockerfileName(name) == isDockerfile)
    }

    @Test func skippedFolders() {
        for name in [".git", "node_modules", ".build", ".venv", "venv", "__pycache__", "target"] {
            #expect(FileDiscovery.skippedFolders.contains(name), "\(name)")
        }
    }
}
