/// A package manager or build tool whose invocations are modelled.
public enum PackageManager: String, Sendable, Equatable, CaseIterable {
    case aptGet = "apt-get"
    case apt
    case aptitude
    case apk
    case dnf
    case yum
    case microdnf
    case zypper
    case pip
    case conda
    case mamba
    case micromamba
    case npm
    case yarn
    case pnpm
    case gem
    case bundler = "bundle"
    case composer
    case go
    case cargo
    case maven = "mvn"
    case gradle
    case dotnet

    /// The family, shared by managers that use the same caches and conventions.
    public var family: PackageManagerFamily {
        switch self {
        case .aptGet, .apt, .aptitude: return .apt
        case .apk: return .apk
        case .dnf, .yum, .microdnf: return .rpm
        case .zypper: return .zypper
        case .pip: return .pip
        case .conda, .mamba, .micromamba: return .conda
        case .npm: return .npm
        case .yarn: return .yarn
        case .pnpm: return .pnpm
        case .gem, .bundler: return .ruby
        case .composer: return .composer
        case .go: return .go
        case .cargo: return .cargo
        case .maven, .gradle: return .jvm
        case .dotnet: return .dotnet
        }
    }

    /// The short name used in debug output: `apt` for apt-get (and for apt itself), otherwise the
    /// command name (`aptitude`, `dnf`, `pip`, `bundle`, `mvn`, ...).
    public var shortName: String { self == .aptGet ? "apt" : rawValue }
}

/// Managers that share caches and conventions.
public enum PackageManagerFamily: String, Sendable, Equatable {
    case apt, apk, rpm, zypper, pip, conda, npm, yarn, pnpm, ruby, composer, go, cargo, jvm, dotnet
}

/// What a package-manager invocation does.
public enum PackageAction: Sendable, Equatable, CustomStringConvertible {
    /// Refresh package indexes (`apt-get update`, `apk update`, `zypper refresh`).
    case update
    /// Install packages or dependencies (`install`, `add`, `npm i`, bare `yarn`, `bundle install`).
    case install
    /// `npm ci`: install exactly from the lock file.
    case cleanInstall
    /// Upgrade installed packages (`upgrade`, `dist-upgrade`, `yum update`).
    case upgrade
    /// Remove packages (`remove`, `del`, `uninstall`).
    case remove
    /// `apt-get purge`.
    case purge
    /// `apt-get autoremove`, `dnf autoremove`.
    case autoremove
    /// Clean caches (`apt-get clean`, `yum clean all`, `npm cache clean`, `pnpm store prune`,
    /// `pip cache purge`, `conda clean`).
    case clean
    /// `dnf makecache`, `yum makecache`.
    case makecache
    /// Run a script (`npm run build`, `yarn build`); the script name when static.
    case run(String?)
    /// Build (`go build`, `cargo build`, `mvn package`, `gradle build`, `dotnet build`).
    case build
    /// Download dependencies only (`go mod download`, `cargo fetch`, `pip download`,
    /// `mvn dependency:go-offline`).
    case download
    /// `dotnet restore`.
    case restore
    /// `dotnet publish`.
    case publish
    /// Anything else; the subcommand text.
    case other(String)

    public var description: String {
        switch self {
        case .update: return "update"
        case .install: return "install"
        case .cleanInstall: return "clean-install"
        case .upgrade: return "upgrade"
        case .remove: return "remove"
        case .purge: return "purge"
        case .autoremove: return "autoremove"
        case .clean: return "clean"
        case .makecache: return "makecache"
        case .run(let script): return script.map { "run \($0)" } ?? "run"
        case .build: return "build"
        case .download: return "download"
        case .restore: return "restore"
        case .publish: return "publish"
        case .other(let text): return text.isEmpty ? "other" : "other(\(text))"
        }
    }
}

/// A typed package-manager invocation read from a simple command (after wrappers such as
/// `sudo` or `env` are peeled off; only the command-name position counts, so
/// `echo apt-get install foo` is not an install).
public struct PackageManagerCommand: Sendable, Equatable {
    /// The tool.
    public let manager: PackageManager
    /// What it does.
    public let action: PackageAction
    /// The simple command it came from.
    public let command: SimpleCommand
    /// The unwrapped invocation.
    public let invocation: Invocation
    /// The words naming the action (`install`, `cache clean`, `-m pip install`'s `install`).
    public let subcommand: [Word]
    /// Operands after the action: package specs for installs and removals (`curl=7.*`,
    /// `flask==2.0`, `.`), targets for clean (`all`), goals or tasks for build tools.
    public let packages: [Word]
    /// Options, read with the tool's table of options that take values.
    public let options: [CommandOption]
    /// Requirement-like files: pip `-r`/`--requirement`, conda `--file`, bundler `--gemfile`.
    public let requirementFiles: [FileReference]
    /// pip `-c`/`--constraint` files.
    public let constraintFiles: [FileReference]
    /// Output path: `go build -o`, `dotnet publish -o`, `cargo install --root`.
    public let outputPath: FileReference?
    /// apk `--virtual NAME` / `-t NAME`.
    public let virtualPackage: String?

    /// Whether an option with one of `names` is present (exact names after cluster splitting;
    /// `--opt=value` is stored as `--opt`).
    public func hasOption(_ names: String...) -> Bool { options.contains { names.contains($0.name) } }

    /// Values of the options named `names`, in order.
    public func optionValues(_ names: String...) -> [OptionValue] {
        options.compactMap { names.contains($0.name) ? $0.value : nil }
    }

    /// The static package operands.
    public var packageNames: [String] { packages.compactMap(\.literal) }

    /// Whether the invocation will not stop to ask a question: apt `-y`/`--yes`/`--assume-yes`/
    /// `-qq`/`-q=2`; aptitude `-y`; dnf/yum `-y`/`--assumeyes`; zypper `-n`/`--non-interactive`/
    /// `-y`/`--no-confirm`; conda `-y`/`--yes`; pip `uninstall` needs `-y`. apk, microdnf and the
    /// language tools never ask and always give true.
    public var isNonInteractive: Bool {
        switch manager {
        case .aptGet, .apt:
            let quiet = options.filter { $0.name == "-q" || $0.name == "--quiet" }
            let level = quiet.reduce(0) { $0 + (Int($1.value?.literal ?? "") ?? 1) }
            return hasOption("-y", "--yes", "--assume-yes", "--force-yes") || level >= 2
        case .aptitude: return hasOption("-y", "--assume-yes")
        case .dnf, .yum: return hasOption("-y", "--assumeyes")
        case .zypper: return hasOption("-n", "--non-interactive", "-y", "--no-confirm")
        case .conda, .mamba, .micromamba: return hasOption("-y", "--yes")
        case .pip: return action != .remove || hasOption("-y", "--yes")
        default: return true
        }
    }

    /// Whether recommended / weak dependencies are skipped: apt `--no-install-recommends` or
    /// `-o APT::Install-Recommends=false`; aptitude `-R`/`--without-recommends`; dnf/yum/microdnf
    /// `--setopt=install_weak_deps=False` (or `0`/`false`); zypper `--no-recommends`.
    public var skipsRecommends: Bool {
        switch manager {
        case .aptGet, .apt:
            if hasOption("--no-install-recommends") { return true }
            return optionValues("-o", "--option").contains { value in
                guard let text = value.literal?.lowercased() else { return false }
                return text == "apt::install-recommends=false" || text == "apt::install-recommends=0"
                    || text == "apt::install-recommends=no"
            }
        case .aptitude: return hasOption("-R", "--without-recommends")
        case .dnf, .yum, .microdnf:
            return optionValues("--setopt").contains { value in
                guard let text = value.literal?.lowercased().replacingDashes() else { return false }
                return text == "install_weak_deps=false" || text == "install_weak_deps=0"
                    || text == "install_weak_deps=no"
            } || hasOption("--no-install-weak-deps")
        case .zypper: return hasOption("--no-recommends")
        default: return false
        }
    }

    /// Whether the invocation avoids leaving a download cache behind: apk `--no-cache`, pip
    /// `--no-cache-dir`, composer `--no-cache`, dnf/yum `--setopt=keepcache=0`, conda/mamba never
    /// (they need `clean`).
    public var avoidsCache: Bool {
        switch manager {
        case .apk: return hasOption("--no-cache")
        case .pip: return hasOption("--no-cache-dir", "--no-cache")
        case .composer: return hasOption("--no-cache")
        case .dnf, .yum, .microdnf:
            return optionValues("--setopt").contains { $0.literal?.lowercased() == "keepcache=0" }
        default: return false
        }
    }

    /// Whether the install targets the local project (`pip install .`, `pip install -e .`,
    /// `cargo install --path .`).
    public var installsLocalProject: Bool {
        let locals =
            packages.compactMap(\.literal) + optionValues("-e", "--editable", "--path").compactMap(\.literal)
        return locals.contains {
            $0 == "." || $0.hasPrefix("./") || $0 == ".." || $0.hasPrefix("../") || $0.hasPrefix("/")
        }
    }
}

extension String {
    fileprivate func replacingDashes() -> String {
        String(unicodeScalars.map { $0 == "-" ? "_" : Character($0) })
    }
}

extension SimpleCommand {
    /// The package-manager invocation this command is, or nil.
    public var packageManagerCommand: PackageManagerCommand? {
        guard let invocation, let name = invocation.baseName else { return nil }
        switch name {
        case "apt-get", "xx-apt-get": return AptModel.read(.aptGet, self, invocation)
        case "apt": return AptModel.read(.apt, self, invocation)
        case "aptitude": return AptModel.read(.aptitude, self, invocation)
        case "apk", "xx-apk": return ApkModel.read(self, invocation)
        case "dnf", "dnf5", "tdnf": return RpmModel.read(.dnf, self, invocation)
        case "yum": return RpmModel.read(.yum, self, invocation)
        case "microdnf": return RpmModel.read(.microdnf, self, invocation)
        case "zypper": return ZypperModel.read(self, invocation)
        case "npm": return NodeModel.readNpm(self, invocation)
        case "yarn", "yarnpkg": return NodeModel.readYarn(self, invocation)
        case "pnpm": return NodeModel.readPnpm(self, invocation)
        case "gem": return RubyModel.readGem(self, invocation)
        case "bundle", "bundler": return RubyModel.readBundler(self, invocation)
        case "composer", "composer.phar": return BuildToolModels.readComposer(self, invocation)
        case "go": return BuildToolModels.readGo(self, invocation)
        case "cargo": return BuildToolModels.readCargo(self, invocation)
        case "mvn", "mvnw": return BuildToolModels.readMaven(self, invocation)
        case "gradle", "gradlew": return BuildToolModels.readGradle(self, invocation)
        case "dotnet": return BuildToolModels.readDotnet(self, invocation)
        case "uv":
            guard invocation.args.first?.literal == "pip" else { return nil }
            return PythonModel.readPip(self, invocation, args: Array(invocation.args.dropFirst()))
        case "conda": return PythonModel.readConda(.conda, self, invocation)
        case "mamba": return PythonModel.readConda(.mamba, self, invocation)
        case "micromamba": return PythonModel.readConda(.micromamba, self, invocation)
        default:
            if PythonModel.isPipName(name) {
                return PythonModel.readPip(self, invocation, args: invocation.args)
            }
            if PythonModel.isPythonName(name), let args = PythonModel.pipArguments(invocation.args) {
                return PythonModel.readPip(self, invocation, args: args)
            }
            return nil
        }
    }
}

extension ShellScript {
    /// Every package-manager invocation, in source order (read once, when the script is parsed).
    public var packageManagerCommands: [PackageManagerCommand] { packageCommands }
}

/// Shared reading: options by table, then `subcommand` words and packages from the operands.
struct ManagerReading {
    var parsed: ParsedArguments
    var subcommand: [Word] = []
    var rest: [Word] = []

    /// Reads `args`; the first `subcommandWords` operands name the action.
    init(_ args: [Word], valueOptions: Set<String>, style: OptionStyle = .gnu, subcommandWords: Int = 1) {
        parsed = ParsedArguments(args, valueOptions: valueOptions, style: style)
        let operands = parsed.operands
        let n = min(subcommandWords, operands.count)
        subcommand = Array(operands[..<n])
        rest = Array(operands[n...])
    }

    var first: String? { subcommand.first?.literal }

    func make(
        _ manager: PackageManager, _ action: PackageAction, _ command: SimpleCommand,
        _ invocation: Invocation,
        packages: [Word]? = nil, subcommand: [Word]? = nil, requirementFiles: [FileReference] = [],
        constraintFiles: [FileReference] = [], outputPath: FileReference? = nil, virtualPackage: String? = nil
    ) -> PackageManagerCommand {
        PackageManagerCommand(
            manager: manager, action: action, command: command, invocation: invocation,
            subcommand: subcommand ?? self.subcommand, packages: packages ?? rest, options: parsed.options,
            requirementFiles: requirementFiles, constraintFiles: constraintFiles, outputPath: outputPath,
            virtualPackage: virtualPackage)
    }

    func values(_ names: String...) -> [OptionValue] {
        parsed.options.compactMap { names.contains($0.name) ? $0.value : nil }
    }
}
