import WhittleShell

/// A language ecosystem whose dependency install can run before the source is copied.
public enum Ecosystem: String, Sendable, CaseIterable, Comparable {
    case npm, yarn, pnpm, pip, poetry, uv, pipenv, go, maven, gradle, bundler, composer, cargo, dotnet, mix

    public static func < (lhs: Ecosystem, rhs: Ecosystem) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The name used in messages.
    public var displayName: String {
        switch self {
        case .npm: "npm"
        case .yarn: "Yarn"
        case .pnpm: "pnpm"
        case .pip: "pip"
        case .poetry: "Poetry"
        case .uv: "uv"
        case .pipenv: "Pipenv"
        case .go: "Go"
        case .maven: "Maven"
        case .gradle: "Gradle"
        case .bundler: "Bundler"
        case .composer: "Composer"
        case .cargo: "Cargo"
        case .dotnet: ".NET"
        case .mix: "Mix"
        }
    }

    /// Folders (relative to the project) that the install writes into the project itself. When
    /// the build context holds one of them and `.dockerignore` does not exclude it, the source
    /// COPY after the install would copy it over what the install made.
    var projectOutputs: [String] {
        switch self {
        case .npm, .pnpm: ["node_modules"]
        case .yarn:
            ["node_modules", ".pnp.cjs", ".pnp.loader.mjs", ".yarn/install-state.gz", ".yarn/unplugged"]
        case .poetry, .uv, .pipenv: [".venv"]
        case .gradle: [".gradle"]
        case .bundler: ["vendor/bundle", ".bundle"]
        case .composer: ["vendor"]
        case .mix: ["deps", "_build"]
        case .dotnet: ["obj"]
        case .pip, .go, .maven, .cargo: []
        }
    }
}

/// What one command of a RUN does, for deciding what may run before the source COPY.
enum CommandRole {
    /// `set -e`, `cd DIR`, `export NAME=value`, `umask` at the start of the RUN: shell state the
    /// later commands rely on; it is repeated in the part that moves.
    case prelude(cd: String?)
    /// Reads nothing from the build context: system packages, a global tool, a cache cleanup.
    case setup
    /// An install that reads only manifests and lockfiles.
    case install(DependencyInstall)
    /// A build or test that downloads the dependencies as it goes (`go build`, `mvn package`).
    case trigger(DependencyTrigger)
    /// Anything else: it may need the source.
    case other
}

/// A dependency install: `npm ci`, `pip install -r requirements.txt`, `bundle install`, ...
struct DependencyInstall {
    let ecosystem: Ecosystem
    let command: SimpleCommand
    /// Files the command names (pip `-r`/`-c`, bundler `--gemfile`, Maven `-s`), as written.
    var namedFiles: [String] = []
    /// Options appended to the copy that runs before the source COPY, so that it installs only
    /// the dependencies (`--no-root`, `--no-install-project`, Composer's `--no-scripts
    /// --no-autoloader`). Empty when the command already installs only the dependencies.
    var dependencyOnlyOptions: [String] = []
    /// Whether the install runs the project's install hooks (npm `--ignore-scripts` says no).
    var runsScripts = true
    /// The program as written (`./mvnw`), for wrapper scripts that must be copied too.
    var program: String = ""
    /// A project or solution the command names (`dotnet restore src/App/App.csproj`).
    var project: String? = nil

    /// Whether the original command stays after the source COPY to install the project itself
    /// (Poetry without `--no-root`, uv without `--no-install-project`).
    var keepsOriginal: Bool {
        !dependencyOnlyOptions.isEmpty && (ecosystem == .poetry || ecosystem == .uv)
    }
}

/// A command that downloads dependencies implicitly; a download step of its own can run
/// before the source COPY.
struct DependencyTrigger {
    let ecosystem: Ecosystem
    let command: SimpleCommand
    /// The download command to add.
    var download: String
    /// The program as written (`./gradlew`).
    var program: String = ""
    /// A project or solution the command names (`dotnet publish src/App/App.csproj`).
    var project: String? = nil
    /// Files the command names (Maven `-s settings.xml`).
    var namedFiles: [String] = []
}

/// Reads the role of each command.
enum EcosystemCommands {
    static func role(of command: SimpleCommand, in script: ShellScript) -> CommandRole {
        guard let invocation = command.invocation, let name = invocation.baseName else { return .other }
        if command.words.contains(where: { $0.expansions.contains { $0.kind != .parameter } }) {
            return .other
        }
        switch name {
        case "set", "umask": return .prelude(cd: nil)
        case "export":
            return invocation.args.allSatisfy { $0.raw.contains("=") && !$0.raw.hasPrefix("-") }
                && !invocation.args.isEmpty ? .prelude(cd: nil) : .other
        case "cd":
            guard invocation.args.count == 1, let dir = invocation.args[0].literal, dir != "-" else {
                return .other
            }
            return .prelude(cd: dir)
        case "true", ":": return .setup
        case "corepack": return .setup
        case "poetry": return poetry(command, invocation)
        case "uv": if let role = uv(command, invocation) { return role }
        case "pipenv": return pipenv(command, invocation)
        case "mix": return mix(command, invocation)
        case "virtualenv":
            return invocation.args.last?.literal?.hasPrefix("/") == true ? .setup : .other
        default: break
        }
        if let venv = venvTarget(invocation) { return venv.hasPrefix("/") ? .setup : .other }
        if !command.cacheCleanups.isEmpty {
            if let removal = command.removal {
                let absolute = removal.paths.allSatisfy {
                    let text = $0.literal ?? $0.raw
                    return text.hasPrefix("/") || text.hasPrefix("~") || text.hasPrefix("$HOME")
                        || text.hasPrefix("${HOME}") || text.hasPrefix("\"$HOME")
                }
                return absolute ? .setup : .other
            }
            return .setup
        }
        guard let pm = command.packageManagerCommand else { return .other }
        return role(of: pm, invocation, script)
    }

    /// `python -m venv DIR`: the folder it creates.
    static func venvTarget(_ invocation: Invocation) -> String? {
        guard let name = invocation.baseName, name.hasPrefix("python") else { return nil }
        let args = invocation.args.compactMap(\.literal)
        guard args.count == invocation.args.count, let m = args.firstIndex(of: "-m"), m + 1 < args.count,
            args[m + 1] == "venv"
        else { return nil }
        return args[(m + 2)...].last { !$0.hasPrefix("-") }
    }

    static func role(of pm: PackageManagerCommand, _ invocation: Invocation, _ script: ShellScript)
        -> CommandRole
    {
        let program = invocation.commandWord.raw
        switch pm.manager.family {
        case .apt, .apk, .rpm, .zypper: return .setup
        default: break
        }
        if pm.action == .clean { return .setup }
        let first = pm.subcommand.first?.literal
        switch pm.manager {
        case .npm:
            if pm.hasOption("--prefix", "-w", "--workspace", "-C") { return .other }
            let global = pm.hasOption("-g", "--global")
            if pm.action == .cleanInstall || (pm.action == .install && pm.packages.isEmpty && !global) {
                return .install(
                    DependencyInstall(
                        ecosystem: .npm, command: pm.command, runsScripts: !pm.hasOption("--ignore-scripts"),
                        program: program))
            }
            if pm.action == .install && global { return .setup }
            if first == "config" && pm.packages.first?.literal == "set" && !pm.hasOption("--location") {
                return .setup
            }
            return .other
        case .yarn:
            if pm.hasOption("--cwd") { return .other }
            if pm.action == .install && pm.packages.isEmpty && (first == nil || first == "install") {
                return .install(
                    DependencyInstall(
                        ecosystem: .yarn, command: pm.command,
                        runsScripts: !pm.hasOption("--ignore-scripts") && !pm.hasOption("--skip-builds"),
                        program: program))
            }
            if pm.action == .install && first == "global" { return .setup }
            return .other
        case .pnpm:
            if pm.hasOption("--filter", "-F", "--dir", "-C", "--prefix") { return .other }
            let global = pm.hasOption("-g", "--global")
            if (pm.action == .install && (first == "install" || first == "i") && pm.packages.isEmpty
                && !global)
                || pm.action == .download
            {
                return .install(
                    DependencyInstall(
                        ecosystem: .pnpm, command: pm.command, runsScripts: !pm.hasOption("--ignore-scripts"),
                        program: program))
            }
            if pm.action == .install && global { return .setup }
            return .other
        case .pip:
            return pip(pm, program)
        case .gem:
            if pm.action == .install || pm.action == .upgrade {
                let local = pm.packageNames.contains { $0.hasSuffix(".gem") || $0.contains("/") }
                if local || pm.packages.count != pm.packageNames.count || pm.hasOption("-g", "--file") {
                    return .other
                }
                return .setup
            }
            return .other
        case .bundler:
            if pm.action == .install && pm.packages.isEmpty {
                guard pm.requirementFiles.allSatisfy({ $0.path != nil }) else { return .other }
                return .install(
                    DependencyInstall(
                        ecosystem: .bundler, command: pm.command,
                        namedFiles: pm.requirementFiles.compactMap(\.path), program: program))
            }
            if first == "config" {
                let words = invocation.args.compactMap(\.literal)
                return words.contains("--local") ? .other : .setup
            }
            return .other
        case .composer:
            if pm.hasOption("-d", "--working-dir") { return .other }
            if first == "install" || first == "i" {
                return .install(
                    DependencyInstall(
                        ecosystem: .composer, command: pm.command,
                        dependencyOnlyOptions: ["--no-scripts", "--no-autoloader"].filter {
                            !pm.hasOption($0)
                        }, runsScripts: !pm.hasOption("--no-scripts"), program: program))
            }
            if first == "global" { return .setup }
            if first == "config" && pm.hasOption("-g", "--global") { return .setup }
            return .other
        case .go:
            return go(pm, program)
        case .cargo:
            if pm.hasOption("--manifest-path", "--offline", "--frozen") { return .other }
            let cargoTrigger: CommandRole = .trigger(
                DependencyTrigger(
                    ecosystem: .cargo, command: pm.command,
                    download: (["cargo", "fetch"]
                        + pm.options.filter { $0.name == "--locked" || $0.name == "--target" }.map {
                            script.text($0.range)
                        }).joined(separator: " "), program: program))
            switch first {
            case "fetch": return cargoTrigger
            case "build", "b", "test", "t", "check", "c", "run", "r", "doc", "d", "bench", "clippy":
                return cargoTrigger
            case "install":
                return pm.hasOption("--path") ? cargoTrigger : .setup
            default: return .other
            }
        case .maven:
            return maven(pm, program, script)
        case .gradle:
            return gradle(pm, invocation, program)
        case .dotnet:
            return dotnet(pm, program, script)
        default:
            return .other
        }
    }

    static func pip(_ pm: PackageManagerCommand, _ program: String) -> CommandRole {
        switch pm.action {
        case .remove: return .setup
        case .install: break
        default: return .other
        }
        if pm.hasOption("-e", "--editable", "--src") { return .other }
        for option in pm.options {
            switch option.name {
            case "-t", "--target", "--prefix", "--root":
                guard option.value?.literal?.hasPrefix("/") == true else { return .other }
            case "-f", "--find-links":
                guard let value = option.value?.literal, value.contains("://") else { return .other }
            default: break
            }
        }
        for word in pm.packages {
            guard let spec = word.literal, !isLocalPythonRequirement(spec) else { return .other }
        }
        let files = pm.requirementFiles + pm.constraintFiles
        if files.isEmpty { return .setup }
        guard files.allSatisfy({ $0.path != nil }) else { return .other }
        return .install(
            DependencyInstall(
                ecosystem: .pip, command: pm.command, namedFiles: files.compactMap(\.path), program: program))
    }

    /// A requirement that names a local path or archive rather than a package.
    static func isLocalPythonRequirement(_ spec: String) -> Bool {
        if spec.hasPrefix(".") || spec.hasPrefix("/") || spec.hasPrefix("~") || spec.contains("file:") {
            return true
        }
        if spec.contains("://") || spec.hasPrefix("git+") { return false }
        let lower = spec.lowercased()
        if lower.hasSuffix(".whl") || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".zip")
            || lower.hasSuffix(".tar.bz2") || lower.hasSuffix(".tgz")
        {
            return true
        }
        return spec.contains("/")
    }

    static func go(_ pm: PackageManagerCommand, _ program: String) -> CommandRole {
        if pm.hasOption("-C", "-modfile") { return .other }
        if pm.optionValues("-mod").contains(where: { $0.literal == "vendor" }) { return .other }
        if pm.command.assignments.contains(where: {
            $0.name == "GOFLAGS" && ($0.value.literal ?? $0.value.raw).contains("vendor")
        }) {
            return .other
        }
        let trigger = CommandRole.trigger(
            DependencyTrigger(
                ecosystem: .go, command: pm.command, download: "go mod download", program: program))
        switch pm.action {
        case .download:
            return .install(DependencyInstall(ecosystem: .go, command: pm.command, program: program))
        case .build:
            return trigger
        case .install:
            guard pm.subcommand.first?.literal == "install" else { return .other }
            let names = pm.packages.compactMap(\.literal)
            if !names.isEmpty && names.count == pm.packages.count && names.allSatisfy({ $0.contains("@") }) {
                return .setup
            }
            return trigger
        case .other(let text):
            let tidy: Set<String> = ["mod tidy", "mod vendor", "mod verify", "mod graph"]
            if ["test", "vet", "run", "list"].contains(text) || tidy.contains(text) { return trigger }
            if text == "env" && pm.packages.isEmpty { return .setup }
            return .other
        default:
            return .other
        }
    }

    static func maven(_ pm: PackageManagerCommand, _ program: String, _ script: ShellScript) -> CommandRole {
        if pm.hasOption("-o", "--offline", "-f", "--file", "-pl", "--projects") { return .other }
        var named: [String] = []
        for value in pm.optionValues("-s", "--settings") {
            guard let path = value.literal else { return .other }
            named.append(path)
        }
        switch pm.action {
        case .download:
            return .install(
                DependencyInstall(ecosystem: .maven, command: pm.command, namedFiles: named, program: program)
            )
        case .build:
            let options = pm.options.map { script.text($0.range) }
            return .trigger(
                DependencyTrigger(
                    ecosystem: .maven, command: pm.command,
                    download: ([program] + options + ["dependency:go-offline"]).joined(separator: " "),
                    program: program, namedFiles: named))
        default:
            return .other
        }
    }

    static func gradle(_ pm: PackageManagerCommand, _ invocation: Invocation, _ program: String)
        -> CommandRole
    {
        if pm.hasOption(
            "-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "--offline", "-I",
            "--init-script")
        {
            return .other
        }
        switch pm.action {
        case .download:
            return .install(DependencyInstall(ecosystem: .gradle, command: pm.command, program: program))
        case .build:
            let kept = invocation.args.compactMap(\.literal).filter {
                ["--no-daemon", "-q", "--quiet", "-i", "--info", "--stacktrace", "--build-cache"].contains($0)
                    || $0.hasPrefix("--console=") || $0.hasPrefix("-D") || $0.hasPrefix("-P")
            }
            return .trigger(
                DependencyTrigger(
                    ecosystem: .gradle, command: pm.command,
                    download: ([program, "dependencies"] + kept).joined(separator: " "), program: program))
        default:
            return .other
        }
    }

    static func dotnet(_ pm: PackageManagerCommand, _ program: String, _ script: ShellScript) -> CommandRole {
        // Operands: the project or solution, and the values of boolean options
        // (`--self-contained false`).
        let operands = pm.packages.map(\.literal)
        if operands.contains(nil) { return .other }
        let paths = operands.compactMap { $0 }.filter { $0 != "true" && $0 != "false" }
        if paths.count > 1 { return .other }
        let project = paths.first
        switch pm.action {
        case .restore:
            return .install(
                DependencyInstall(ecosystem: .dotnet, command: pm.command, program: program, project: project)
            )
        case .build, .publish, .other("test"), .other("pack"):
            if pm.hasOption("--no-restore") { return .other }
            let carried = pm.options.filter {
                [
                    "-r", "--runtime", "-a", "--arch", "--os", "-s", "--source", "--configfile", "-p",
                    "--property",
                ]
                .contains($0.name) || $0.name.hasPrefix("-p:") || $0.name.hasPrefix("/p:")
                    || $0.name.hasPrefix("--property:")
            }.map { script.text($0.range) }
            let download = (["dotnet", "restore"] + (project.map { [$0] } ?? []) + carried).joined(
                separator: " ")
            return .trigger(
                DependencyTrigger(
                    ecosystem: .dotnet, command: pm.command, download: download, program: program,
                    project: project
                ))
        case .install:
            return pm.hasOption("-g", "--global") ? .setup : .other
        default:
            return .other
        }
    }

    // MARK: - Tools the shell layer does not model

    /// Static option words and operands of a command, reading `valueOptions` as taking the next
    /// word; nil when a word is dynamic.
    static func split(_ args: [Word], valueOptions: Set<String>) -> (options: [String], operands: [String])? {
        var options: [String] = []
        var operands: [String] = []
        var i = 0
        while i < args.count {
            guard let text = args[i].literal else { return nil }
            i += 1
            if text.hasPrefix("-") && text != "-" {
                options.append(text)
                if valueOptions.contains(text), i < args.count {
                    guard let value = args[i].literal else { return nil }
                    options.append(value)
                    i += 1
                }
            } else {
                operands.append(text)
            }
        }
        return (options, operands)
    }

    static func poetry(_ command: SimpleCommand, _ invocation: Invocation) -> CommandRole {
        let valueOptions: Set<String> = [
            "--with", "--without", "--only", "-E", "--extras", "-C", "--directory",
            "-P", "--project",
        ]
        guard let (options, operands) = split(invocation.args, valueOptions: valueOptions),
            let sub = operands.first
        else { return .other }
        switch sub {
        case "install", "sync":
            let names = Set(options.map { $0.split(separator: "=").first.map(String.init) ?? $0 })
            if !names.isDisjoint(with: ["-C", "--directory", "-P", "--project", "--only-root"])
                || operands.count > 1
            {
                return .other
            }
            return .install(
                DependencyInstall(
                    ecosystem: .poetry, command: command,
                    dependencyOnlyOptions: names.contains("--no-root") ? [] : ["--no-root"],
                    program: invocation.commandWord.raw))
        case "config":
            return options.contains("--local") ? .other : .setup
        default:
            return .other
        }
    }

    static func uv(_ command: SimpleCommand, _ invocation: Invocation) -> CommandRole? {
        let valueOptions: Set<String> = [
            "--extra", "--group", "--only-group", "--no-group", "-p", "--python",
            "--directory", "--project", "--package", "--index", "--default-index", "--index-url",
            "--extra-index-url",
        ]
        guard let (options, operands) = split(invocation.args, valueOptions: valueOptions),
            let sub = operands.first
        else { return .other }
        let names = Set(options.map { $0.split(separator: "=").first.map(String.init) ?? $0 })
        switch sub {
        case "pip": return nil
        case "sync":
            if !names.isDisjoint(with: [
                "--directory", "--project", "--package", "--all-packages", "--script",
            ])
                || operands.count > 1
            {
                return .other
            }
            return .install(
                DependencyInstall(
                    ecosystem: .uv, command: command,
                    dependencyOnlyOptions: names.contains("--no-install-project")
                        ? [] : ["--no-install-project"],
                    program: invocation.commandWord.raw))
        case "venv":
            return operands.count == 2 && operands[1].hasPrefix("/") ? .setup : .other
        case "tool", "python":
            return operands.count >= 2 && operands[1] == "install" ? .setup : .other
        default:
            return .other
        }
    }

    static func pipenv(_ command: SimpleCommand, _ invocation: Invocation) -> CommandRole {
        guard let (options, operands) = split(invocation.args, valueOptions: ["--categories", "--python"]),
            let sub = operands.first
        else { return .other }
        guard sub == "install" || sub == "sync", operands.count == 1,
            !options.contains(where: {
                $0 == "-r" || $0 == "--requirements" || $0 == "-e" || $0 == "--editable"
            })
        else { return .other }
        return .install(
            DependencyInstall(ecosystem: .pipenv, command: command, program: invocation.commandWord.raw))
    }

    static func mix(_ command: SimpleCommand, _ invocation: Invocation) -> CommandRole {
        guard let (_, operands) = split(invocation.args, valueOptions: ["--only"]), let sub = operands.first
        else {
            return .other
        }
        switch sub {
        case "deps.get":
            return .install(
                DependencyInstall(ecosystem: .mix, command: command, program: invocation.commandWord.raw))
        case "local.hex", "local.rebar": return .setup
        default: return .other
        }
    }
}
