import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// Stands for the build stage's name in text written before the name is known.
let stageNamePlaceholder = "\u{0}BUILDER\u{0}"

/// The instructions the runtime stage takes from the stage: those before its artifacts, and those
/// after them (USER, HEALTHCHECK, ENTRYPOINT and CMD).
struct RuntimeInstructions {
    var head: [String] = []
    var tail: [String] = []
}

/// The edits of a split: name the build stage, move the runtime instructions, append the runtime
/// stage.
extension SplitStagesPlanner {
    /// ENV variables that only steer a build.
    static let buildOnlyVariables: Set<String> = [
        "CGO_ENABLED", "GOOS", "GOARCH", "GOARM", "GOAMD64", "GOFLAGS", "GOPROXY", "GOPRIVATE", "GONOSUMDB",
        "GOCACHE", "GOMODCACHE", "GO111MODULE", "CARGO_INCREMENTAL", "CARGO_NET_GIT_FETCH_WITH_CLI",
        "RUSTFLAGS",
        "DEBIAN_FRONTEND", "MAVEN_OPTS", "GRADLE_OPTS", "DOTNET_CLI_TELEMETRY_OPTOUT", "NUGET_XMLDOC_MODE",
        "PIP_NO_CACHE_DIR", "PIP_DISABLE_PIP_VERSION_CHECK", "NPM_CONFIG_LOGLEVEL",
    ]

    static func references(_ text: String, _ name: String) -> Bool {
        text.contains("$" + name) || text.contains("${" + name)
    }

    /// The instruction's source text, ending with a newline.
    func sourceText(of instruction: Instruction) -> String {
        let bytes = file.source.bytes[instruction.range]
        let t = String(decoding: bytes, as: UTF8.self)
        return bytes.last == 0x0A ? t : t + style.newline
    }

    /// The edits that turn the stage into a build stage and append the runtime stage.
    /// `commands` holds CMD and ENTRYPOINT rewritten in exec form, by start offset.
    /// The folders on the default PATH of a runtime image (the build image's PATH, e.g. the
    /// golang image's `/go/bin`, is not carried over).
    static let defaultPath: Set<String> = [
        "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin",
    ]

    /// Where an artifact goes in the runtime stage: where it was, unless CMD names it without a
    /// path and that folder is not on the runtime's PATH; then `/usr/local/bin`.
    static func destination(_ path: String, launching program: String) -> String {
        let name = (path as NSString).lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        guard !program.contains("/"), program == name, !defaultPath.contains(folder) else { return path }
        return "/usr/local/bin/" + name
    }

    func writeEdits(
        _ subject: SplitSubject, runtime: RuntimeChoice, packages: [String], user: Instruction?,
        commands: [Int: String]
    ) -> [TextEdit] {
        var edits: [TextEdit] = []
        if stage.alias == nil {
            edits.append(.insert(" " + style.keyword("AS") + " build", at: stage.from.logicalEndSourceOffset))
        }
        let moved = moveRuntimeInstructions(
            subject, user: user, commands: commands, deleting: &edits)
        let stageText = runtimeStageText(
            subject, runtime: runtime, packages: packages, user: user, instructions: moved)
        // Append after the last byte; a file without a final newline gets one first.
        let end = file.source.bytes.count
        let endsWithNewline =
            file.source.bytes.last == 0x0A
            || edits.contains { $0.replacement.isEmpty && $0.range.upperBound == end }
        edits.append(.insert((endsWithNewline ? "" : style.newline) + stageText, at: end))
        return edits
    }

    /// The text of the instructions the runtime stage takes, in order, and the deletions of those
    /// the build stage no longer needs.
    private func moveRuntimeInstructions(
        _ subject: SplitSubject, user: Instruction?, commands: [Int: String], deleting edits: inout [TextEdit]
    ) -> RuntimeInstructions {
        let finalWorkdir = subject.finalWorkdir
        let lastBuildStep =
            stage.instructions.lastIndex { [.run, .copy, .add].contains($0.kind) } ?? 0
        var moved = RuntimeInstructions()
        var wroteWorkdir = false
        for (n, instruction) in stage.instructions.enumerated() {
            switch instruction.kind {
            case .env:
                let keys = file.keyValues(of: instruction).map(\.key)
                if !keys.isEmpty && keys.allSatisfy(Self.buildOnlyVariables.contains) { break }
                moved.head.append(sourceText(of: instruction))
            case .workdir:
                if !wroteWorkdir && finalWorkdir != "/" {
                    moved.head.append(style.keyword("WORKDIR") + " " + finalWorkdir + style.newline)
                    wroteWorkdir = true
                }
            case .label, .maintainer, .expose, .stopsignal, .onbuild:
                moved.head.append(sourceText(of: instruction))
                edits.append(.delete(instruction.range))
            case .volume:
                moved.head.append(sourceText(of: instruction))
                if n > lastBuildStep { edits.append(.delete(instruction.range)) }
            case .user:
                if instruction == user { moved.tail.append(sourceText(of: instruction)) }
                if n > lastBuildStep { edits.append(.delete(instruction.range)) }
            case .healthcheck:
                moved.tail.append(sourceText(of: instruction))
                edits.append(.delete(instruction.range))
            case .cmd, .entrypoint:
                if instruction == subject.launch.cmd || instruction == subject.launch.entrypoint {
                    moved.tail.append(commands[instruction.range.lowerBound] ?? sourceText(of: instruction))
                }
                edits.append(.delete(instruction.range))
            default: break
            }
        }
        return moved
    }

    /// The ARGs the runtime stage's instructions use: the global ones re-declared, the stage's own
    /// copied.
    private func argumentLines(usedBy usedText: String) -> [String] {
        var argLines: [String] = []
        let globalNames = Set(file.globalArguments.flatMap { file.keyValues(of: $0).map(\.key) })
        for name in globalNames.sorted() where Self.references(usedText, name) {
            argLines.append(style.keyword("ARG") + " " + name + style.newline)
        }
        for instruction in stage.instructions where instruction.kind == .arg {
            if file.keyValues(of: instruction).contains(where: { Self.references(usedText, $0.key) }) {
                argLines.append(sourceText(of: instruction))
            }
        }
        return argLines
    }

    /// The RUN that installs the runtime packages with the runtime base's package manager.
    private func packageInstall(_ packages: [String], with packageManager: String?) -> String {
        if packageManager == "apk" {
            return style.keyword("RUN") + " apk add --no-cache " + packages.joined(separator: " ")
                + style.newline
        }
        return style.keyword("RUN") + " "
            + style.andChain([
                "apt-get update",
                "apt-get install -y --no-install-recommends " + packages.joined(separator: " "),
                "rm -rf /var/lib/apt/lists/*",
            ]) + style.newline
    }

    /// The runtime stage: FROM, ARGs, the moved instructions, the packages, the users, the artifacts
    /// and the tail.
    private func runtimeStageText(
        _ subject: SplitSubject, runtime: RuntimeChoice, packages: [String], user: Instruction?,
        instructions moved: RuntimeInstructions
    ) -> String {
        let builderName = stage.alias ?? "build"
        let usedText = moved.head.joined() + moved.tail.joined()
        var stageText =
            style.newline + style.keyword("FROM") + " " + runtime.image + " " + style.keyword("AS")
            + " runtime" + style.newline
        stageText += argumentLines(usedBy: usedText).joined() + moved.head.joined()
        if !packages.isEmpty {
            stageText += packageInstall(packages, with: runtime.packageManager)
        }
        if let user, subject.scan.createdUsers.contains(Self.userName(user)) {
            for run in subject.scan.userCreatingRuns { stageText += sourceText(of: run) }
        }
        stageText += runtime.extraInstructions.map {
            $0.replacingOccurrences(of: stageNamePlaceholder, with: builderName)
        }
        .joined()
        for (from, to) in runtime.copies {
            stageText +=
                style.keyword("COPY")
                + " --from=\(builderName) \(from) \(Self.destination(to, launching: subject.launch.program))"
                + style.newline
        }
        stageText += moved.tail.joined()
        return stageText
    }
}
