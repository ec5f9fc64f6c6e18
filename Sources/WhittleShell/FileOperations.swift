/// `tar` extraction (`tar -xzf FILE -C DIR`, `tar xzf FILE`, `curl ... | tar -xJ`) or `unzip`.
public struct ArchiveExtraction: Sendable, Equatable {
    /// The extracting tool.
    public enum Tool: String, Sendable, Equatable {
        case tar, unzip
    }

    /// The tool.
    public let tool: Tool
    /// The archive file; nil when read from standard input (no `-f`, or `-f -`).
    public let archive: FileReference?
    /// The target directory (`-C DIR`, `--directory=DIR`, unzip `-d DIR`); nil for the current one.
    public let directory: FileReference?
    /// Member operands (files to extract).
    public let members: [Word]
    /// The options as read with the tool's table (old-style `xzf` bundles are split into
    /// `-x`, `-z`, `-f`).
    public let options: [CommandOption]
    /// The simple command it came from.
    public let command: SimpleCommand
}

/// `mktemp [-d] [-p DIR] [TEMPLATE]`.
public struct TemporaryFile: Sendable, Equatable {
    /// `-d` / `--directory`.
    public let isDirectory: Bool
    /// The template operand, if any.
    public let template: Word?
    /// The variable receiving the name when the command runs in `NAME="$(mktemp ...)"`.
    public let assignedVariable: String?
    /// The simple command it came from.
    public let command: SimpleCommand
}

/// `rm` with the paths it removes.
public struct Removal: Sendable, Equatable {
    /// The path operands (globs kept: `/var/lib/apt/lists/*`).
    public let paths: [Word]
    /// `-r`, `-R` or `--recursive`.
    public let isRecursive: Bool
    /// `-f` or `--force`.
    public let isForced: Bool
    /// The simple command it came from.
    public let command: SimpleCommand

    /// The static paths.
    public var literalPaths: [String] { paths.compactMap(\.literal) }
}

enum FileOperationModel {
    static let tarValueOptions: Set<String> = [
        "-f", "--file", "-C", "--directory", "-T", "--files-from", "-X", "--exclude-from", "-b",
        "--blocking-factor",
        "-g", "--listed-incremental", "-K", "--starting-file", "-N", "--newer", "-V", "--label", "-H",
        "--format",
        "-I", "--use-compress-program", "--strip-components", "--transform", "--xform", "--owner", "--group",
        "--mode", "--exclude", "--checkpoint-action", "--mtime", "--sort", "--numeric-owner-map",
    ]

    static func extraction(_ command: SimpleCommand) -> ArchiveExtraction? {
        guard let invocation = command.invocation, let name = invocation.baseName else { return nil }
        switch name {
        case "tar", "gtar", "bsdtar":
            var args = invocation.args
            // Old-style bundle: `tar xzf FILE` is `tar -x -z -f FILE`.
            if let first = args.first, let text = first.literal, !text.hasPrefix("-"), !text.isEmpty,
                text.allSatisfy({ $0.isLetter })
            {
                args[0] = Word(
                    range: first.range, raw: first.raw, literal: "-" + text, staticPrefix: "-" + text,
                    expansions: [], hasGlob: false, hasTilde: false, isQuoted: first.isQuoted)
            }
            let parsed = ParsedArguments(args, valueOptions: tarValueOptions)
            let names = Set(parsed.options.map(\.name))
            guard names.contains("-x") || names.contains("--extract") || names.contains("--get") else {
                return nil
            }
            let file = parsed.options.last { $0.name == "-f" || $0.name == "--file" }.map {
                FileReference($0.value)
            }
            let directory = parsed.options.last { $0.name == "-C" || $0.name == "--directory" }.map {
                FileReference($0.value)
            }
            return ArchiveExtraction(
                tool: .tar, archive: file == .path("-") ? nil : file, directory: directory,
                members: parsed.operands, options: parsed.options, command: command)
        case "unzip":
            let parsed = ParsedArguments(invocation.args, valueOptions: ["-d", "-x", "-P"])
            let directory = parsed.options.last { $0.name == "-d" }.map { FileReference($0.value) }
            guard let archive = parsed.operands.first else { return nil }
            return ArchiveExtraction(
                tool: .unzip, archive: FileReference(archive), directory: directory,
                members: Array(parsed.operands.dropFirst()), options: parsed.options, command: command)
        default:
            return nil
        }
    }

    static func temporaryFile(_ command: SimpleCommand) -> TemporaryFile? {
        guard let invocation = command.invocation, invocation.baseName == "mktemp" else { return nil }
        let parsed = ParsedArguments(invocation.args, valueOptions: ["-p", "--tmpdir", "--suffix"])
        let isDirectory = parsed.options.contains { $0.name == "-d" || $0.name == "--directory" }
        return TemporaryFile(
            isDirectory: isDirectory, template: parsed.operands.first,
            assignedVariable: command.context.assignmentTarget, command: command)
    }

    static func removal(_ command: SimpleCommand) -> Removal? {
        guard let invocation = command.invocation, invocation.baseName == "rm" else { return nil }
        let parsed = ParsedArguments(invocation.args, valueOptions: [])
        let names = Set(parsed.options.map(\.name))
        return Removal(
            paths: parsed.operands,
            isRecursive: names.contains("-r") || names.contains("-R") || names.contains("--recursive"),
            isForced: names.contains("-f") || names.contains("--force"), command: command)
    }
}

extension SimpleCommand {
    /// The archive extraction this command is, or nil.
    public var archiveExtraction: ArchiveExtraction? { FileOperationModel.extraction(self) }
    /// The `mktemp` this command is, or nil.
    public var temporaryFile: TemporaryFile? { FileOperationModel.temporaryFile(self) }
    /// The `rm` this command is, or nil.
    public var removal: Removal? { FileOperationModel.removal(self) }
}

extension ShellScript {
    /// Every `tar -x` / `unzip`, in source order.
    public var archiveExtractions: [ArchiveExtraction] { commands.compactMap(\.archiveExtraction) }
    /// Every `mktemp`, in source order.
    public var temporaryFiles: [TemporaryFile] { commands.compactMap(\.temporaryFile) }
    /// Every `rm`, in source order.
    public var removals: [Removal] { commands.compactMap(\.removal) }
}
