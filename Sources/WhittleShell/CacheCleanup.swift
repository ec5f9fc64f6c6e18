/// A command that removes a package manager's cache: a manager's own clean command
/// (`apt-get clean`, `yum clean all`, `npm cache clean --force`, `pip cache purge`,
/// `pnpm store prune`, `conda clean -a`, `composer clear-cache`, `go clean -modcache`) or an `rm`
/// of a known cache directory (`rm -rf /var/lib/apt/lists/*`, any flag spelling, with or without
/// the trailing `/*` or `/`).
public struct CacheCleanup: Sendable, Equatable {
    /// How the cache is removed.
    public enum Method: Sendable, Equatable {
        /// The manager's own command.
        case managerCommand(PackageManager)
        /// `rm` of these static (or `$HOME`-relative) paths.
        case fileRemoval(paths: [String])
    }

    /// Whose cache.
    public let family: PackageManagerFamily
    /// How.
    public let method: Method
    /// The simple command it came from.
    public let command: SimpleCommand
    /// Whether `/var/lib/apt/lists` is removed (the cleanup hadolint's DL3009 asks for).
    public let removesAptLists: Bool
}

enum CacheCleanupModel {
    /// Known cache directories; `~` stands for the home directory (`/root`, `$HOME`).
    static let directories: [(path: String, family: PackageManagerFamily)] = [
        ("/var/lib/apt/lists", .apt), ("/var/cache/apt", .apt), ("/var/cache/apk", .apk),
        ("/etc/apk/cache", .apk),
        ("/var/cache/yum", .rpm), ("/var/cache/dnf", .rpm), ("/var/cache/zypp", .zypper),
        ("~/.cache/pip", .pip),
        ("~/.npm", .npm), ("/usr/local/share/.cache/yarn", .yarn), ("~/.cache/yarn", .yarn),
        ("~/.yarn/berry/cache", .yarn), ("~/.local/share/pnpm/store", .pnpm), ("~/.cache/pnpm", .pnpm),
        ("/usr/local/bundle/cache", .ruby), ("<gemdir>/cache", .ruby), ("~/.gem", .ruby),
        ("~/.composer/cache", .composer),
        ("~/.cache/composer", .composer), ("~/.cache/go-build", .go), ("/go/pkg/mod", .go),
        ("~/.cargo/registry", .cargo), ("~/.m2", .jvm), ("~/.gradle", .jvm), ("~/.nuget/packages", .dotnet),
        ("/opt/conda/pkgs", .conda),
    ]

    /// The path with `$HOME`, `${HOME}` and `/root` spelled `~`, without a trailing `/`, `/*` or `/**`.
    static func normalize(_ word: Word) -> String? {
        var text: String
        let unquoted = word.raw.filter { $0 != "\"" }
        if unquoted.hasPrefix("$(gem env gemdir)") {
            // `"$(gem env gemdir)"/cache/*.gem`: the gem directory, wherever it is.
            text = "<gemdir>" + unquoted.dropFirst("$(gem env gemdir)".count)
        } else if unquoted.hasPrefix("$("), let close = unquoted.firstIndex(of: ")"),
            unquoted[..<close].hasSuffix(" env GOCACHE")
        {
            // `"$(go env GOCACHE)"`: Go's build cache, wherever it is.
            text = "~/.cache/go-build" + unquoted[unquoted.index(after: close)...]
        } else if let literal = word.literal {
            text = literal
        } else if word.expansions.count == 1, word.expansions[0].parameter == "HOME" {
            // `$HOME/...`, `${HOME}/...`, `"$HOME/..."`.
            let raw = Array(word.raw.utf8)
            let lower = word.expansions[0].range.lowerBound - word.range.lowerBound
            let upper = word.expansions[0].range.upperBound - word.range.lowerBound
            guard lower >= 0, upper <= raw.count, upper - lower == 5 || upper - lower == 7,
                lower == 0 || (lower == 1 && raw[0] == Byte.doubleQuote)
            else { return nil }
            let suffix = raw[upper...].filter { $0 != Byte.doubleQuote }
            guard
                !suffix.contains(where: {
                    $0 == Byte.singleQuote || $0 == Byte.dollar || $0 == Byte.backslash
                })
            else { return nil }
            text = "~" + String(decoding: suffix, as: UTF8.self)
        } else {
            return nil
        }
        if text == "/root" || text.hasPrefix("/root/") { text = "~" + text.dropFirst(5) }
        while text.hasSuffix("/**") || text.hasSuffix("/*") || (text.hasSuffix("/") && text.count > 1) {
            text = String(text.dropLast(text.hasSuffix("/**") ? 3 : text.hasSuffix("/*") ? 2 : 1))
        }
        return text
    }

    static func cleanups(_ command: SimpleCommand) -> [CacheCleanup] {
        cleanups(command, managerCommand: command.packageManagerCommand)
    }

    /// The cleanups of a command whose package-manager reading is already known.
    static func cleanups(_ command: SimpleCommand, managerCommand: PackageManagerCommand?) -> [CacheCleanup] {
        if let managerCommand {
            guard isCleanCommand(managerCommand) else { return [] }
            return [
                CacheCleanup(
                    family: managerCommand.manager.family, method: .managerCommand(managerCommand.manager),
                    command: command, removesAptLists: false)
            ]
        }
        guard let removal = command.removal, removal.isRecursive || removal.isForced else { return [] }
        var byFamily: [(PackageManagerFamily, [String])] = []
        var aptLists = false
        for word in removal.paths {
            guard let path = normalize(word) else { continue }
            for entry in directories {
                let covered =
                    path == entry.path || path.hasPrefix(entry.path + "/")
                    || (path.split(separator: "/").count >= 2 && entry.path.hasPrefix(path + "/"))
                guard covered else { continue }
                if entry.path == "/var/lib/apt/lists" { aptLists = true }
                let shown = word.literal ?? word.raw
                if let index = byFamily.firstIndex(where: { $0.0 == entry.family }) {
                    if !byFamily[index].1.contains(shown) { byFamily[index].1.append(shown) }
                } else {
                    byFamily.append((entry.family, [shown]))
                }
            }
        }
        return byFamily.map { family, paths in
            CacheCleanup(
                family: family, method: .fileRemoval(paths: paths), command: command,
                removesAptLists: family == .apt && aptLists)
        }
    }

    static func isCleanCommand(_ command: PackageManagerCommand) -> Bool {
        guard command.action == .clean else { return false }
        switch command.manager {
        case .gem, .bundler, .cargo: return false
        case .go: return command.options.contains { $0.name == "-modcache" || $0.name == "-cache" }
        default: return true
        }
    }
}

extension SimpleCommand {
    /// The cache cleanups this command performs (one per family for an `rm` of several caches).
    public var cacheCleanups: [CacheCleanup] { CacheCleanupModel.cleanups(self) }
}

extension ShellScript {
    /// Every cache cleanup, in source order.
    public var cacheCleanups: [CacheCleanup] {
        // The package-manager reading of each command is done once, when the script is parsed.
        let byIndex = Dictionary(
            packageCommands.map { ($0.command.index, $0) }, uniquingKeysWith: { a, _ in a })
        return commands.flatMap { CacheCleanupModel.cleanups($0, managerCommand: byIndex[$0.index]) }
    }

    /// Whether some command removes `/var/lib/apt/lists`.
    public var removesAptLists: Bool { cacheCleanups.contains(where: \.removesAptLists) }
}
