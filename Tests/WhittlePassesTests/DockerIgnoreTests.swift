import Foundation
import Testing
import WhittleEngine

/// `.dockerignore` matching as BuildKit does it (moby `patternmatcher` and `ignorefile`).
struct DockerIgnoreTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let path: String
        let excluded: Bool
        var testDescription: String { "\(pattern) vs \(path)" }
    }

    /// Single patterns, from patternmatcher's own table of cases.
    static let singlePatterns: [Case] = [
        Case(pattern: "**", path: "file", excluded: true),
        Case(pattern: "**", path: "file/", excluded: true),
        Case(pattern: "**/", path: "file", excluded: true),
        Case(pattern: "**", path: "dir/file", excluded: true),
        Case(pattern: "**/", path: "dir/file", excluded: true),
        Case(pattern: "**/**", path: "dir/file", excluded: true),
        Case(pattern: "dir/**", path: "dir/file", excluded: true),
        Case(pattern: "dir/**", path: "dir/dir2/file", excluded: true),
        Case(pattern: "**/dir", path: "dir", excluded: true),
        Case(pattern: "**/dir", path: "dir/file", excluded: true),
        Case(pattern: "**/dir2/*", path: "dir/dir2/file", excluded: true),
        Case(pattern: "**/dir2/**", path: "dir/dir2/dir3/file", excluded: true),
        Case(pattern: "**file", path: "file", excluded: true),
        Case(pattern: "**file", path: "dir/file", excluded: true),
        Case(pattern: "**/file", path: "dir/file", excluded: true),
        Case(pattern: "**file", path: "dir/dir/file", excluded: true),
        Case(pattern: "**/file*", path: "dir/dir/file.txt", excluded: true),
        Case(pattern: "**/file*txt", path: "dir/dir/file.txt", excluded: true),
        Case(pattern: "**/file*.txt*", path: "dir/dir/file.txt", excluded: true),
        Case(pattern: "**/**/*.txt", path: "dir/dir/file.txt", excluded: true),
        Case(pattern: "**/**/*.txt2", path: "dir/dir/file.txt", excluded: false),
        Case(pattern: "**/*.txt", path: "file.txt", excluded: true),
        Case(pattern: "**/**/*.txt", path: "file.txt", excluded: true),
        Case(pattern: "a**/*.txt", path: "a/file.txt", excluded: true),
        Case(pattern: "a**/*.txt", path: "a/dir/file.txt", excluded: true),
        Case(pattern: "a**/*.txt", path: "a/dir/dir/file.txt", excluded: true),
        Case(pattern: "a/*.txt", path: "a/dir/file.txt", excluded: false),
        Case(pattern: "a/*.txt", path: "a/file.txt", excluded: true),
        Case(pattern: "a/*.txt**", path: "a/file.txt", excluded: true),
        Case(pattern: "a[b-d]e", path: "ae", excluded: false),
        Case(pattern: "a[b-d]e", path: "ace", excluded: true),
        Case(pattern: "a[b-d]e", path: "aae", excluded: false),
        Case(pattern: "a[^b-d]e", path: "aze", excluded: true),
        Case(pattern: ".*", path: ".foo", excluded: true),
        Case(pattern: ".*", path: "foo", excluded: false),
        Case(pattern: "abc.def", path: "abcdef", excluded: false),
        Case(pattern: "abc.def", path: "abc.def", excluded: true),
        Case(pattern: "abc.def", path: "abcZdef", excluded: false),
        Case(pattern: "abc?def", path: "abcZdef", excluded: true),
        Case(pattern: "abc?def", path: "abcdef", excluded: false),
        Case(pattern: "a\\\\", path: "a\\", excluded: true),
        Case(pattern: "**/foo/bar", path: "foo/bar", excluded: true),
        Case(pattern: "**/foo/bar", path: "dir/foo/bar", excluded: true),
        Case(pattern: "**/foo/bar", path: "dir/dir2/foo/bar", excluded: true),
        Case(pattern: "abc/**", path: "abc", excluded: false),
        Case(pattern: "abc/**", path: "abc/def", excluded: true),
        Case(pattern: "abc/**", path: "abc/def/ghi", excluded: true),
        Case(pattern: "**/.foo", path: ".foo", excluded: true),
        Case(pattern: "**/.foo", path: "bar.foo", excluded: false),
        Case(pattern: "a(b)c/def", path: "a(b)c/def", excluded: true),
        Case(pattern: "a(b)c/def", path: "a(b)c/xyz", excluded: false),
        Case(pattern: "a.|)$(}+{bc", path: "a.|)$(}+{bc", excluded: true),
        Case(
            pattern: "dist/*.whl", path: "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
            excluded: true),
        // A folder excludes everything below it.
        Case(pattern: "node_modules", path: "node_modules/left-pad/index.js", excluded: true),
        Case(pattern: "node_modules", path: "packages/a/node_modules/x.js", excluded: false),
        Case(pattern: "*/node_modules", path: "packages/node_modules/x.js", excluded: true),
        Case(pattern: "**/node_modules", path: "packages/a/node_modules/x.js", excluded: true),
        Case(pattern: "*.md", path: "docs/README.md", excluded: false),
        Case(pattern: "*.md", path: "README.md", excluded: true),
        // Leading `/`, `./` and a trailing `/` are cleaned away.
        Case(pattern: "/dist", path: "dist/app.js", excluded: true),
        Case(pattern: "./dist/", path: "dist/app.js", excluded: true),
        Case(pattern: "dist/../build", path: "build/x", excluded: true),
    ]

    @Test(arguments: singlePatterns)
    func singlePattern(_ c: Case) {
        let ignore = DockerIgnore(c.pattern)
        #expect(ignore.isValid)
        #expect(ignore.isExcluded(c.path) == c.excluded)
    }

    @Test func exceptionsAndLastMatchWins() {
        let ignore = DockerIgnore(
            """
            # dependencies
            node_modules
            !node_modules/keep
            *.md
            !README.md
            docs
            !docs/guide.md
            """)
        #expect(ignore.isExcluded("node_modules/x/index.js"))
        #expect(!ignore.isExcluded("node_modules/keep"))
        #expect(!ignore.isExcluded("node_modules/keep/a.js"))
        #expect(ignore.isExcluded("CHANGELOG.md"))
        #expect(!ignore.isExcluded("README.md"))
        #expect(ignore.isExcluded("docs/api.txt"))
        #expect(!ignore.isExcluded("docs/guide.md"))
        // The order matters: a later pattern excludes again.
        let again = DockerIgnore("!README.md\n*.md\n")
        #expect(again.isExcluded("README.md"))
    }

    @Test func readingTheFile() {
        let text =
            "\u{FEFF}# comment\r\n  /build/  \r\n\r\n! ./keep.txt\n#not-a-pattern\n  # spaced comment stays a pattern\n"
        #expect(DockerIgnore.lines(of: text) == ["build", "!keep.txt", "# spaced comment stays a pattern"])
        let ignore = DockerIgnore(text)
        #expect(ignore.isExcluded("build/out.o"))
        #expect(!ignore.isExcluded("keep.txt"))
        #expect(ignore.patterns.map(\.isExclusion) == [false, true, false])
    }

    @Test func theContextRootIsNeverExcluded() {
        let ignore = DockerIgnore("**\n")
        #expect(!ignore.isExcluded("."))
        #expect(!ignore.isExcluded(""))
        #expect(ignore.isExcluded("anything"))
    }

    @Test func malformedPatterns() {
        #expect(!DockerIgnore("a[b\n").isValid)
        #expect(!DockerIgnore("!\n").isValid)
        #expect(!DockerIgnore("trailing\\\n").isValid)
        #expect(DockerIgnore("ok\n").isValid)
    }

    @Test func cleaningLikeGo() {
        #expect(DockerIgnore.clean("") == ".")
        #expect(DockerIgnore.clean("./a/b/") == "a/b")
        #expect(DockerIgnore.clean("a//b/./c/..") == "a/b")
        #expect(DockerIgnore.clean("/../a") == "/a")
        #expect(DockerIgnore.clean("../../a") == "../../a")
        #expect(DockerIgnore.clean("a/..") == ".")
    }

    @Test func buildContextReadsTheIgnoreFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "whittle-dockerignore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = BuildContext(directory: folder.path)
        #expect(!context.hasDockerIgnore)
        #expect(context.dockerIgnore() == nil)
        #expect(!context.isIgnored("node_modules/x"))
        try "node_modules\n".write(
            to: folder.appendingPathComponent(".dockerignore"), atomically: true, encoding: .utf8)
        #expect(context.hasDockerIgnore)
        #expect(context.isIgnored("node_modules/x"))
        // A Dockerfile-specific ignore file wins over the context's.
        let dockerfile = folder.appendingPathComponent("app.Dockerfile").path
        try "dist\n".write(toFile: dockerfile + ".dockerignore", atomically: true, encoding: .utf8)
        #expect(context.isIgnored("dist/a.js", dockerfilePath: dockerfile))
        #expect(!context.isIgnored("node_modules/x", dockerfilePath: dockerfile))
        #expect(
            context.isIgnored(
                "node_modules/x", dockerfilePath: folder.appendingPathComponent("Dockerfile").path))
    }
}
