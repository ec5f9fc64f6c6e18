import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// The kind of build found in the stage.
enum BuildKind: Equatable {
    case go(output: String, static: Bool)
    case rust(release: Bool, customTarget: Bool)
    case c(output: String?, cxx: Bool)
    case java
    case node(usesCI: Bool)
    case python(venv: String)
    case dotnet(output: String)

    var name: String {
        switch self {
        case .go: "a Go binary"
        case .rust: "a Rust binary"
        case .c: "a C/C++ binary"
        case .java: "a Java jar"
        case .node: "a Node.js bundle"
        case .python: "a Python virtualenv"
        case .dotnet: "a .NET app"
        }
    }
}

/// What the walk over the stage's instructions collects.
struct StageScan {
    /// The last build recognised.
    var found: SplitStagesPlanner.Found? = nil
    /// The WORKDIR in effect: after the walk, the one the program runs in.
    var workdir = "/"
    /// False once a WORKDIR uses a variable.
    var workdirKnown = true
    /// The system packages the stage installs, in order.
    var packages: [(manager: PackageManager, name: String)] = []
    /// ENV has set CGO_ENABLED=0 (so far in the walk).
    var cgoDisabledByEnv = false
    /// The RUNs that do nothing but create users and groups.
    var userCreatingRuns: [Instruction] = []
    /// The users those RUNs (and others) create.
    var createdUsers: Set<String> = []
    /// `npm ci` has run (so far in the walk).
    var npmCI = false
}

extension SplitStagesPlanner {
    struct Found {
        var kind: BuildKind
        var workdir: String
        var line: Int
    }

    static let userCreationCommands: Set<String> = ["useradd", "adduser", "groupadd", "addgroup"]
    static let compilers: Set<String> = ["gcc", "g++", "cc", "c++", "clang", "clang++"]

    /// Walks the stage: the build, the workdir at each instruction, the system packages, the users.
    /// Throws when a build is found whose artifact's path cannot be told.
    func scanStage() throws(SplitRefusal) -> StageScan {
        var scan = StageScan()
        for instruction in stage.instructions {
            switch instruction.kind {
            case .workdir:
                let value = instruction.arguments
                if value.contains("$") { scan.workdirKnown = false }
                scan.workdir = Self.absolute(value.trimmingCharacters(in: .whitespaces), in: scan.workdir)
            case .env:
                for kv in file.keyValues(of: instruction) where kv.key == "CGO_ENABLED" {
                    scan.cgoDisabledByEnv = kv.value(escape: file.escape) == "0"
                }
            case .run:
                try scanRun(instruction, into: &scan)
            default: break
            }
        }
        return scan
    }

    /// Reads the commands of one RUN.
    private func scanRun(_ instruction: Instruction, into scan: inout StageScan) throws(SplitRefusal) {
        let run = RunScript.cached(instruction, in: file)
        guard let script = run.script, !script.isOpaque else { return }
        let line = instruction.startLine
        var onlyUsers = !script.commands.isEmpty
        for command in script.commands {
            guard let invocation = command.invocation, let name = invocation.baseName else {
                continue
            }
            if Self.userCreationCommands.contains(name) {
                if let user = invocation.args.last?.literal, name == "useradd" || name == "adduser" {
                    scan.createdUsers.insert(user)
                }
            } else {
                onlyUsers = false
            }
            if let pm = command.packageManagerCommand {
                try scanPackageManagerCommand(pm, in: command, invocation, line: line, into: &scan)
            }
            if let venv = Self.virtualenvCreated(by: name, invocation) {
                scan.found = Found(
                    kind: .python(venv: Self.absolute(venv, in: scan.workdir)), workdir: scan.workdir,
                    line: line)
            }
            if Self.compilers.contains(name), let out = Self.outputOption(of: invocation) {
                scan.found = Found(
                    kind: .c(output: Self.absolute(out, in: scan.workdir), cxx: name.contains("++")),
                    workdir: scan.workdir,
                    line: line)
            }
            if ["make", "cmake"].contains(name),
                scan.found == nil || scan.found?.kind == .c(output: nil, cxx: false)
            {
                scan.found = Found(kind: .c(output: nil, cxx: false), workdir: scan.workdir, line: line)
            }
        }
        if onlyUsers { scan.userCreatingRuns.append(instruction) }
    }

    /// Package installs and the builds of Go, Rust, Java, Node.js and .NET.
    private func scanPackageManagerCommand(
        _ pm: PackageManagerCommand, in command: SimpleCommand, _ invocation: Invocation, line: Int,
        into scan: inout StageScan
    ) throws(SplitRefusal) {
        let workdir = scan.workdir
        switch (pm.manager, pm.action) {
        case (.aptGet, .install), (.apt, .install), (.apk, .install):
            scan.packages += pm.packageNames.map { (pm.manager, $0) }
        case (.go, .build):
            let cgoOff =
                scan.cgoDisabledByEnv
                || command.assignments.contains { $0.name == "CGO_ENABLED" && $0.value.literal == "0" }
                || invocation.environment.contains { $0.literal == "CGO_ENABLED=0" }
            guard let out = pm.outputPath?.path else {
                throw SplitRefusal(
                    "`go build` at line \(line) has no `-o` path, so the artifact's path cannot be told",
                    ["Name the output with `go build -o /path/to/binary`."], build: "a Go binary")
            }
            scan.found = Found(
                kind: .go(output: Self.absolute(out, in: workdir), static: cgoOff), workdir: workdir,
                line: line)
        case (.cargo, .build):
            let words = pm.options.map(\.name)
            scan.found = Found(
                kind: .rust(
                    release: words.contains("--release") || words.contains("-r"),
                    customTarget: words.contains("--target") || words.contains("--target-dir")
                        || words.contains("--profile") || words.contains("--manifest-path")),
                workdir: workdir, line: line)
        case (.maven, .build), (.gradle, .build):
            scan.found = Found(kind: .java, workdir: workdir, line: line)
        case (.npm, .run(let script)) where script == "build":
            scan.found = Found(kind: .node(usesCI: scan.npmCI), workdir: workdir, line: line)
        case (.npm, .cleanInstall):
            scan.npmCI = true
        case (.dotnet, .publish):
            guard let out = pm.outputPath?.path else {
                throw SplitRefusal(
                    "`dotnet publish` at line \(line) has no `-o` folder, so the artifact's path cannot be told",
                    build: "a .NET app")
            }
            scan.found = Found(
                kind: .dotnet(output: Self.absolute(out, in: workdir)), workdir: workdir, line: line)
        default: break
        }
    }

    /// The folder of `python -m venv DIR`, `virtualenv DIR` or `uv venv DIR`.
    private static func virtualenvCreated(by name: String, _ invocation: Invocation) -> String? {
        let args = invocation.args.compactMap(\.literal)
        if name.hasPrefix("python"), args.count >= 3, args[0] == "-m", args[1] == "venv" {
            return args.dropFirst(2).last { !$0.hasPrefix("-") }
        } else if name == "virtualenv" || (name == "uv" && args.first == "venv") {
            return args.dropFirst(name == "uv" ? 1 : 0).last { !$0.hasPrefix("-") }
        }
        return nil
    }

    /// The literal after `-o` of a compiler invocation.
    private static func outputOption(of invocation: Invocation) -> String? {
        let a = invocation.args
        guard let i = a.firstIndex(where: { $0.literal == "-o" }), i + 1 < a.count else { return nil }
        return a[i + 1].literal
    }
}
