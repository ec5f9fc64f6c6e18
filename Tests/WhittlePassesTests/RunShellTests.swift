import Testing
import WhittleSyntax

@testable import WhittlePasses

@Suite("Which shell runs a RUN")
struct RunShellTests {
    @Test(arguments: [
        "mcr.microsoft.com/windows/servercore:ltsc2022", "mcr.microsoft.com/windows/nanoserver:1809",
        "microsoft/windowsservercore", "mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022",
        "stefanscherer/node-windows:10", "golang:1.22-windowsservercore-ltsc2022",
        "mcr.microsoft.com/dotnet/framework/sdk:4.8", "python:3.12-windowsservercore",
    ])
    func windowsImages(reference: String) {
        #expect(RunShell.isWindowsImage(reference))
    }

    @Test(arguments: [
        "debian:bookworm", "python:3.12-slim", "mcr.microsoft.com/dotnet/sdk:8.0",
        "ghcr.io/acme/windowsill:1",
        "node:20-alpine", "mcr.microsoft.com/devcontainers/base:ubuntu",
    ])
    func linuxImages(reference: String) {
        #expect(!RunShell.isWindowsImage(reference))
    }

    func shell(_ text: String) throws -> RunShell {
        let file = try Dockerfile.parse(text)
        let run = try #require(file.instructions.last { $0.kind == .run })
        return RunShell.at(run.range.lowerBound, in: file)
    }

    @Test func defaultsAndShellInstructions() throws {
        #expect(try shell("FROM debian:bookworm\nRUN true\n") == .posix)
        #expect(try shell("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir\n") == .cmd)
        #expect(try shell("# escape=`\nFROM acme/base\nRUN dir\n") == .cmd)
        #expect(try shell("FROM --platform=windows/amd64 acme/base\nRUN dir\n") == .cmd)
        #expect(
            try shell("FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nFROM base\nRUN dir\n")
                == .cmd)
        #expect(
            try shell(
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-NoProfile\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\nRUN dir\n"
            ) == .powerShell(prefix: "$ErrorActionPreference = 'Stop';"))
        #expect(
            try shell("FROM debian:bookworm\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN true\n")
                == .posix)
        #expect(try shell("FROM debian:bookworm\nSHELL [\"python3\", \"-c\"]\nRUN print(1)\n") == .other)
        #expect(
            try shell(
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN dir\n"
            ) == .cmd)
    }
}
