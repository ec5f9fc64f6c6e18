import Foundation
import GoldenSupport
import Testing

@testable import WhittleCLI

/// whittle's own Dockerfile follows its own advice: `whittle check` reports nothing on it, and it
/// is multi-stage with a small runtime.
@Suite("whittle's own image")
struct OwnImageTests {
    @Test func checkReportsNothingOnOurDockerfile() throws {
        let dockerfile = RepositoryPaths.root.appendingPathComponent("Dockerfile").path
        let io = ProcessIO(currentDirectory: RepositoryPaths.root.path)
        let code = WhittleMain.run(arguments: ["check", "--no-config", "--unsafe-fixes", dockerfile], io: io)
        #expect(code == 0, "\(io.stdoutText)\(io.stderrText)")
        #expect(io.stdoutText == "All checks passed!\n")
    }

    @Test func ourDockerfileIsMultiStageWithADistrolessRuntime() throws {
        let text = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let froms = text.split(separator: "\n").filter { $0.hasPrefix("FROM ") }
        #expect(froms.count == 2)
        #expect(froms.last?.contains("gcr.io/distroless/") == true)
    }
}
