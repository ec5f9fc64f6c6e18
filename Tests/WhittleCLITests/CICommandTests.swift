import Foundation
import Testing

@testable import WhittleCLI

/// `whittle ci`: the printed job is valid YAML (checked with PyYAML when python3 has it) and holds
/// the cache flags for each backend.
@Suite("whittle ci")
struct CICommandTests {
    static let multiStage =
        "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch AS runtime\nCOPY --from=build /app /app\n"
    static let singleStage = "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n"

    static func job(_ arguments: [String], dockerfile: String) throws -> (Int32, String, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "whittle-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("Dockerfile").path
        try dockerfile.write(toFile: path, atomically: true, encoding: .utf8)
        let io = ProcessIO()
        let code = WhittleMain.run(arguments: ["ci"] + arguments + [path], io: io)
        return (code, io.stdoutText, io.stderrText)
    }

    /// Parses YAML with PyYAML; nil when python3 or PyYAML is not installed.
    static func yamlParses(_ text: String) -> Bool? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, yaml; yaml.safe_load(sys.stdin.read())"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if stderr.contains("No module named") { return nil }
        return process.terminationStatus == 0
    }

    @Test(arguments: ["gha", "registry", "inline", "local"])
    func githubJobs(cache: String) throws {
        let (code, out, err) = try Self.job(
            ["--provider", "github", "--cache", cache, "--registry", "ghcr.io/acme/app"],
            dockerfile: Self.multiStage)
        #expect(code == 0, "\(err)")
        #expect(out.contains("docker/setup-buildx-action"))
        #expect(out.contains("target: runtime"))
        switch cache {
        case "gha":
            #expect(out.contains("cache-from: type=gha"))
            #expect(out.contains("cache-to: type=gha,mode=max"))
        case "registry":
            #expect(out.contains("cache-from: type=registry,ref=ghcr.io/acme/app:buildcache"))
            #expect(out.contains("type=registry,ref={0}:buildcache,mode=max"))
            #expect(out.contains("docker/login-action"))
        case "inline":
            #expect(out.contains("BUILDKIT_INLINE_CACHE=1"))
            #expect(out.contains("cache-from: type=registry,ref=ghcr.io/acme/app:latest"))
        default:
            #expect(out.contains("cache-to: type=local,dest=/tmp/.buildx-cache-new,mode=max"))
            #expect(out.contains("actions/cache"))
        }
        if let parses = Self.yamlParses(out) { #expect(parses, "not valid YAML:\n\(out)") }
    }

    @Test(arguments: ["registry", "inline", "local"])
    func gitlabJobs(cache: String) throws {
        let (code, out, _) = try Self.job(
            ["--provider", "gitlab", "--cache", cache], dockerfile: Self.multiStage)
        #expect(code == 0)
        #expect(out.contains("docker buildx build"))
        #expect(out.contains("--target runtime"))
        #expect(out.contains(cache == "inline" ? "BUILDKIT_INLINE_CACHE=1" : "--cache-to type=\(cache)"))
        if let parses = Self.yamlParses(out) { #expect(parses, "not valid YAML:\n\(out)") }
    }

    @Test func singleStageUsesModeMinAndNoTarget() throws {
        let (code, out, _) = try Self.job([], dockerfile: Self.singleStage)
        #expect(code == 0)
        #expect(out.contains("cache-to: type=gha,mode=min"))
        #expect(!out.contains("target:"))
    }

    @Test func ghaOnGitLabIsAUsageError() throws {
        let (code, _, err) = try Self.job(
            ["--provider", "gitlab", "--cache", "gha"], dockerfile: Self.singleStage)
        #expect(code == 64)
        #expect(err.hasPrefix("Error: the gha cache exists only on GitHub Actions"))
    }
}
