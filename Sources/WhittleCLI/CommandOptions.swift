import Foundation
import WhittleEngine

/// The options shared by `diff`, `fix` and `check`, parsed from the command line.
struct CommandOptions {
    enum OutputFormat: String, CaseIterable { case text, json, sarif, github, rdjson }
    enum FailOn: String, CaseIterable { case fixable, info, warning, error, never }

    var paths: [String] = []
    var select: [String]? = nil
    var ignore: [String] = []
    var extendIgnore: [String] = []
    var unsafeFixes: Bool? = nil
    var context: String? = nil
    var configPath: String? = nil
    var noConfig = false
    var stdinFilename: String? = nil
    var quiet = false
    var contextLines = 3
    var toStdout = false
    var format = OutputFormat.text
    var failOn = FailOn.fixable
    var cacheStyle: Configuration.CacheStyle? = nil
    var color: Bool? = nil
    var showFixes = true

    static let usage = "whittle [diff|fix|check] [OPTIONS] PATH..."

    static let optionsHelp = """
        Options for diff, fix and check:
          --select IDS          Run only these passes (comma-separated ids, or all).
          --ignore IDS          Skip these passes.
          --unsafe-fixes        Also apply fixes that may change the image (see Docs/FixSafety.md).
          --no-unsafe-fixes     Do not, even if whittle.toml says so.
          --cache-style STYLE   clean (delete caches) or mounts (BuildKit cache mounts).
          --context DIR         The build context (default: the Dockerfile's folder).
          --config FILE         Read this configuration instead of searching for whittle.toml.
          --no-config           Ignore configuration files.
          --stdin-filename NAME The name to report for `-` (standard input).
          -U, --unified N       Lines of context in diffs (default 3).
          --stdout              fix: print the rewritten file instead of writing it.
          --format FORMAT       check: text, json, sarif, github or rdjson.
          --fail-on LEVEL       check: fixable (default), info, warning, error or never.
          --color WHEN          auto (default), always or never; NO_COLOR is honoured.
          -q, --quiet           Print only what is asked for (no summary).

        """

    init(arguments: [String], command: String) throws {
        var cursor = ArgumentCursor(arguments, usage: Self.usage)
        func ids(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        while let item = cursor.next() {
            guard case .option(let argument) = item else {
                if case .path(let path) = item { paths.append(path) }
                continue
            }
            func next(_ name: String) throws -> String { try cursor.value(of: name) }
            switch argument {
            case "--select": select = (select ?? []) + ids(try next(argument))
            case "--ignore": ignore += ids(try next(argument))
            case "--unsafe-fixes": unsafeFixes = true
            case "--no-unsafe-fixes": unsafeFixes = false
            case "--context": context = try next(argument)
            case "--config": configPath = try next(argument)
            case "--no-config": noConfig = true
            case "--stdin-filename": stdinFilename = try next(argument)
            case "-q", "--quiet": quiet = true
            case "--stdout": toStdout = true
            case "-h", "--help":
                throw HelpRequest(text: "Usage: \(Self.usage)\n\n" + Self.optionsHelp)
            case let attached
            where attached.hasPrefix("-U") && attached.count > 2 && Int(attached.dropFirst(2)) != nil:
                contextLines = Int(attached.dropFirst(2))!
            case "-U", "--unified":
                let text = try next(argument)
                guard let n = Int(text), n >= 0 else {
                    throw UsageError("\(argument) takes a number of lines, not '\(text)'", usage: Self.usage)
                }
                contextLines = n
            case "--format":
                let text = try next(argument)
                guard let f = OutputFormat(rawValue: text) else {
                    throw UsageError(
                        "unknown format '\(text)' (choose \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))",
                        usage: Self.usage)
                }
                format = f
            case "--fail-on":
                let text = try next(argument)
                guard let f = FailOn(rawValue: text) else {
                    throw UsageError(
                        "unknown level '\(text)' for --fail-on (choose \(FailOn.allCases.map(\.rawValue).joined(separator: ", ")))",
                        usage: Self.usage)
                }
                failOn = f
            case "--cache-style":
                let text = try next(argument)
                guard let s = Configuration.CacheStyle(rawValue: text) else {
                    throw UsageError(
                        "unknown cache style '\(text)' (choose clean or mounts)", usage: Self.usage)
                }
                cacheStyle = s
            case "--color":
                switch try next(argument) {
                case "always": color = true
                case "never": color = false
                case "auto": color = nil
                case let other:
                    throw UsageError("--color takes auto, always or never, not '\(other)'", usage: Self.usage)
                }
            default:
                throw UsageError("unknown option '\(argument)' for \(command)", usage: Self.usage)
            }
        }
        guard !paths.isEmpty else { throw UsageError("no Dockerfile given", usage: Self.usage) }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw UsageError("standard input (-) can be read only once", usage: Self.usage)
        }
        if toStdout && command != "fix" {
            throw UsageError("--stdout goes with fix", usage: Self.usage)
        }
    }

    /// The configuration: the file (found or given) with the flags on top.
    func configuration(io: ProcessIO) throws -> Configuration {
        var config = Configuration()
        if let configPath {
            config = try Configuration.load(path: configPath)
        } else if !noConfig, let found = Configuration.discover(from: io.currentDirectory) {
            config = try Configuration.load(path: found)
        }
        if let select {
            // An explicit --select wins over the file's ignore list for the passes it names.
            config.select = select
            config.ignore.removeAll { select.contains($0) }
        }
        config.ignore += ignore
        if let unsafeFixes { config.unsafeFixes = unsafeFixes }
        if let cacheStyle { config.cacheStyle = cacheStyle }
        return config
    }
}

/// `--help` after a command: print the command's help and exit 0.
struct HelpRequest: Error {
    let text: String
}
