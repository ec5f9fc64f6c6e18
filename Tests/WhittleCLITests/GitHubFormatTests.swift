import Foundation
import Testing

/// `check --format github`: GitHub Actions workflow commands (`::warning file=...::message`), one
/// line per finding, shown as annotations on the pull request.
@Suite("Format: GitHub")
struct GitHubFormatTests {
    let scratch: CLIScratch

    init() throws { scratch = try CLIScratch("github") }

    func github(_ arguments: [String], stdin: String = "") -> CLIResult {
        CLI.run(["check", "--format", "github"] + arguments, in: scratch.path, stdin: stdin)
    }

    @Test func oneLinePerFinding() throws {
        let path = try scratch.write("Dockerfile", Sample.both)
        let result = github([path])
        #expect(result.exitCode == 1)
        #expect(result.stderr.isEmpty)
        #expect(
            result.stdoutText == """
                ::warning file=\(path),line=2,col=1,endLine=2,endColumn=13,title=whittle exec-form::CMD in shell form runs under /bin/sh -c, which may not pass stop signals on (safe fix: Use exec form: ["make", "all"])
                ::warning file=\(path),line=5,col=1,endLine=5,endColumn=30,title=whittle exec-form::ENTRYPOINT in shell form runs under /bin/sh -c, which may not pass stop signals on (unsafe fix: Use exec form: ["/app/run", "--port", "80"])

                """)
    }

    @Test func nothingToSayPrintsNothing() throws {
        let path = try scratch.write("Dockerfile", Sample.clean)
        let result = github([path])
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func propertiesAndDataAreEscaped() {
        // `,` and `:` would end a property; `%` starts an escape.
        let result = github(
            ["--stdin-filename", "a,b:c/Dockerfile", "-"], stdin: "FROM alpine:3.20\nCMD printf 100%\n")
        let line = result.stdoutText
        #expect(line.hasPrefix("::warning file=a%2Cb%3Ac/Dockerfile,line=2,col=1,"), "\(result)")
        #expect(line.contains("title=whittle exec-form::"))
        #expect(line.contains("[\"printf\", \"100%25\"]"), "\(result)")
        #expect(line.split(separator: "\n").count == 1)
    }

    @Test func unreadableFilesAreErrorAnnotations() throws {
        let bad = try scratch.write("bad/Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho hi\n")
        let result = github([bad])
        #expect(result.exitCode == 2)
        #expect(result.stdoutText == "::error file=\(bad),line=2,col=5::unterminated heredoc\n", "\(result)")
        Expect.oneErrorLine(result, path: bad, line: 2, containing: "unterminated heredoc")
    }
}
