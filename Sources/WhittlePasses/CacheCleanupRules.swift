import WhittleShell

/// What each package manager leaves behind, and how to keep it out of the image: the table
/// behind the `clean-package-cache` pass.
struct CacheCleanupRule: Sendable {
    enum Remedy: Sendable {
        /// Append a command after the RUN's last command.
        case append(String)
        /// Add an option right after the subcommand (`apk add --no-cache`).
        case option(String)
    }

    let family: PackageManagerFamily
    /// Whether a command fills this family's cache.
    let fills: @Sendable (PackageManagerCommand) -> Bool
    /// The cleanup, given the command that filled the cache (to name the same binary).
    let remedy: @Sendable (PackageManagerCommand) -> Remedy
    /// Where the cache lives (for `--mount=type=cache` and for mounts that already cover it).
    let cacheDirectories: [String]
    /// BuildKit cache mounts that replace the cleanup under `cache-style = "mounts"` (empty:
    /// this manager is always cleaned).
    let mounts: [String]
    /// hadolint's rule for it, if any.
    let hadolintCode: String?
    /// What is typically saved, for the finding.
    let saving: String
    /// A measured typical saving in bytes, where one exists (used for summaries).
    var typicalBytes: Int? = nil

    static func isInstall(_ c: PackageManagerCommand) -> Bool {
        switch c.action {
        case .install, .cleanInstall, .upgrade: return true
        default: return false
        }
    }

    static let all: [CacheCleanupRule] = [
        CacheCleanupRule(
            family: .apt, fills: { isInstall($0) },
            remedy: { _ in .append("rm -rf /var/lib/apt/lists/*") },
            cacheDirectories: ["/var/lib/apt/lists", "/var/lib/apt", "/var/cache/apt"],
            mounts: [
                "--mount=type=cache,target=/var/cache/apt,sharing=locked",
                "--mount=type=cache,target=/var/lib/apt,sharing=locked",
            ],
            hadolintCode: "DL3009", saving: "apt package lists, typically 20-50 MB",
            // Measured here: a Debian bookworm image went from 339 MB to 299 MB.
            typicalBytes: 40_000_000),
        CacheCleanupRule(
            family: .apk,
            fills: {
                $0.manager == .apk && ($0.action == .install || $0.action == .upgrade) && !$0.avoidsCache
            },
            remedy: { _ in .option("--no-cache") },
            cacheDirectories: ["/var/cache/apk", "/etc/apk/cache"], mounts: [],
            hadolintCode: "DL3019", saving: "the apk index, typically 1-3 MB"),
        CacheCleanupRule(
            family: .rpm, fills: { isInstall($0) && !$0.avoidsCache },
            remedy: { c in
                let tool = c.invocation.baseName ?? c.manager.rawValue
                switch c.manager {
                case .yum: return .append("yum clean all && rm -rf /var/cache/yum")
                case .microdnf: return .append("\(tool) clean all")
                default: return .append("\(tool) clean all && rm -rf /var/cache/dnf")
                }
            },
            cacheDirectories: ["/var/cache/dnf", "/var/cache/yum"], mounts: [],
            hadolintCode: nil, saving: "the package metadata and downloaded RPMs, typically 20-150 MB"),
        CacheCleanupRule(
            family: .zypper, fills: isInstall, remedy: { _ in .append("zypper clean -a") },
            cacheDirectories: ["/var/cache/zypp"], mounts: [], hadolintCode: "DL3036",
            saving: "zypper's package cache"),
        CacheCleanupRule(
            family: .pip, fills: { $0.action == .install && !$0.avoidsCache },
            remedy: { c in .option(c.invocation.baseName == "uv" ? "--no-cache" : "--no-cache-dir") },
            cacheDirectories: ["/root/.cache/pip", "/root/.cache"],
            mounts: ["--mount=type=cache,target=/root/.cache/pip"],
            hadolintCode: "DL3042", saving: "pip's wheel cache, often as large as the packages"),
        CacheCleanupRule(
            family: .npm, fills: isInstall, remedy: { _ in .append("npm cache clean --force") },
            cacheDirectories: ["/root/.npm"], mounts: ["--mount=type=cache,target=/root/.npm"],
            hadolintCode: nil, saving: "npm's package cache, often as large as node_modules"),
        CacheCleanupRule(
            family: .yarn, fills: isInstall, remedy: { _ in .append("yarn cache clean") },
            cacheDirectories: ["/usr/local/share/.cache/yarn", "/root/.cache/yarn"],
            mounts: ["--mount=type=cache,target=/usr/local/share/.cache/yarn"],
            hadolintCode: "DL3060", saving: "yarn's package cache, often as large as node_modules"),
        CacheCleanupRule(
            family: .pnpm, fills: isInstall, remedy: { _ in .append("pnpm store prune") },
            cacheDirectories: ["/root/.local/share/pnpm/store"],
            mounts: ["--mount=type=cache,target=/root/.local/share/pnpm/store"],
            hadolintCode: nil, saving: "unreferenced packages of the pnpm store"),
        CacheCleanupRule(
            family: .ruby,
            fills: {
                $0.manager == .gem && $0.action == .install
                    && !$0.hasOption("--no-document", "-N", "--no-rdoc", "--no-ri")
            },
            remedy: { _ in .option("--no-document") }, cacheDirectories: [], mounts: [],
            hadolintCode: nil, saving: "generated gem documentation"),
        CacheCleanupRule(
            // gem and bundler keep every downloaded .gem file in the gem directory's cache.
            family: .ruby,
            fills: { ($0.manager == .gem || $0.manager == .bundler) && $0.action == .install },
            remedy: { _ in .append("rm -rf \"$(gem env gemdir)\"/cache/*.gem") },
            cacheDirectories: [
                "/usr/local/bundle/cache", "/var/lib/gems", "/usr/lib/ruby/gems", "/root/.gem",
            ],
            mounts: [], hadolintCode: nil, saving: "the downloaded .gem files, about the size of the gems"),
        CacheCleanupRule(
            // go build / install / test fill GOCACHE; later builds only recompile without it.
            family: .go,
            fills: { c in
                guard c.manager == .go else { return false }
                switch c.action {
                case .build, .install, .other("test"), .other("vet"): return true
                default: return false
                }
            },
            // `go clean -cache` needs Go 1.10; `go env GOCACHE` prints nothing before that.
            remedy: { c in .append("rm -rf \"$(\(c.invocation.name ?? "go") env GOCACHE)\"") },
            cacheDirectories: ["/root/.cache/go-build"],
            mounts: ["--mount=type=cache,target=/root/.cache/go-build"],
            hadolintCode: nil,
            saving:
                "Go's build cache: the compiled packages, up to hundreds of MB (Go 1.20+ compiles the standard library into it)"
        ),
        CacheCleanupRule(
            family: .composer, fills: { isInstall($0) && !$0.avoidsCache },
            remedy: { c in .append("\(c.invocation.baseName ?? "composer") clear-cache") },
            cacheDirectories: ["/root/.composer/cache", "/root/.cache/composer"], mounts: [],
            hadolintCode: nil, saving: "composer's download cache"),
        CacheCleanupRule(
            family: .conda, fills: isInstall,
            remedy: { c in
                c.manager == .micromamba
                    ? .append("micromamba clean --all --yes") : .append("\(c.manager.rawValue) clean -afy")
            },
            cacheDirectories: ["/opt/conda/pkgs"], mounts: [], hadolintCode: nil,
            saving: "conda's package tarballs, often hundreds of MB"),
    ]
}
