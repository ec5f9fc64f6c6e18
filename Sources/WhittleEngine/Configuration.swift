import Foundation
import WhittleTOML

/// whittle's settings: from `whittle.toml` / `.whittle.toml` (found from the working directory
/// upward), overridden by command-line flags.
///
/// ```toml
/// select = ["all"]            # pass ids, or "all"
/// ignore = ["split-stages"]
/// unsafe-fixes = false
/// cache-style = "clean"       # or "mounts": BuildKit cache mounts instead of deleting caches
///
/// [passes.merge-runs]
/// max-chain-length = 12
/// ```
public struct Configuration: Sendable, Equatable {
    public enum CacheStyle: String, Sendable, Equatable {
        /// Delete package-manager caches in the RUN that creates them (works with every builder).
        case clean
        /// Keep caches out of the image with `RUN --mount=type=cache` (BuildKit only).
        case mounts
    }

    /// Passes to run; nil means every pass.
    public var select: [String]?
    public var ignore: [String]
    public var unsafeFixes: Bool
    public var cacheStyle: CacheStyle
    /// `[passes.<id>]` tables, values as strings.
    public var passOptions: [String: PassOptions]
    /// The file this configuration was read from, if any.
    public var sourcePath: String?

    public init(
        select: [String]? = nil, ignore: [String] = [], unsafeFixes: Bool = false,
        cacheStyle: CacheStyle = .clean,
        passOptions: [String: PassOptions] = [:], sourcePath: String? = nil
    ) {
        self.select = select
        self.ignore = ignore
        self.unsafeFixes = unsafeFixes
        self.cacheStyle = cacheStyle
        self.passOptions = passOptions
        self.sourcePath = sourcePath
    }

    public static let fileNames = ["whittle.toml", ".whittle.toml"]

    /// Whether the pass `id` runs under `select` and `ignore`.
    public func isEnabled(_ id: String) -> Bool {
        if ignore.contains(id) || ignore.contains("all") { return false }
        guard let select else { return true }
        return select.contains(id) || select.contains("all")
    }

    public func options(for id: String) -> PassOptions { passOptions[id] ?? PassOptions() }

    /// The nearest configuration file at or above `directory`.
    public static func discover(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = dir.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// A problem in a configuration file, with its place.
    public struct LoadError: Error, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "\(path):\(line):\(column): error: \(message)" }
    }

    /// Reads a configuration file. Unknown keys are errors, so a typo never goes unnoticed.
    public static func load(path: String) throws(LoadError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, line: 1, column: 1, message: "cannot read the configuration file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws(LoadError) -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw LoadError(path: path, line: error.line, column: error.column, message: error.message)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var currentKey = ""
        // TOML values carry no positions: an error points at the first line that assigns the key,
        // or at its [passes.<id>] header.
        func position(of key: String) -> (Int, Int) {
            let last = key.split(separator: ".").last.map(String.init) ?? key
            for (n, line) in lines.enumerated() {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                let column = line.count - trimmed.count + 1
                if trimmed.hasPrefix(last) {
                    let rest = trimmed.dropFirst(last.count).drop { $0 == " " || $0 == "\t" }
                    if rest.hasPrefix("=") { return (n + 1, column) }
                }
                if trimmed.hasPrefix("[") && trimmed.contains(key) { return (n + 1, column) }
            }
            return (1, 1)
        }
        func fail(_ message: String) -> LoadError {
            let (line, column) = position(of: currentKey)
            return LoadError(path: path, line: line, column: column, message: message)
        }
        var config = Configuration(sourcePath: path)
        for key in table.keys {
            currentKey = key
            let value = table[key]!
            switch key {
            case "select", "ignore":
                guard let list = table.stringArray(key) else {
                    throw fail("'\(key)' must be a list of pass ids")
                }
                if key == "select" { config.select = list } else { config.ignore = list }
            case "unsafe-fixes":
                guard let b = value.boolValue else { throw fail("'unsafe-fixes' must be true or false") }
                config.unsafeFixes = b
            case "cache-style":
                guard let s = value.stringValue, let style = CacheStyle(rawValue: s) else {
                    throw fail("'cache-style' must be \"clean\" or \"mounts\"")
                }
                config.cacheStyle = style
            case "passes":
                guard let passes = value.tableValue else {
                    throw fail("'passes' must be a table of [passes.<id>]")
                }
                for id in passes.keys {
                    currentKey = "passes.\(id)"
                    guard let options = passes[id]?.tableValue else {
                        throw fail("'passes.\(id)' must be a table")
                    }
                    var values: [String: String] = [:]
                    for optionKey in options.keys {
                        currentKey = "passes.\(id).\(optionKey)"
                        switch options[optionKey]! {
                        case .string(let s): values[optionKey] = s
                        case .integer(let i): values[optionKey] = String(i)
                        case .boolean(let b): values[optionKey] = String(b)
                        case .float(let d): values[optionKey] = String(d)
                        default: throw fail("'passes.\(id).\(optionKey)' must be a string, number or boolean")
                        }
                    }
                    config.passOptions[id] = PassOptions(values)
                }
            default:
                throw fail(
                    "unknown key '\(key)' (known: select, ignore, unsafe-fixes, cache-style, [passes.<id>])")
            }
        }
        return config
    }
}
