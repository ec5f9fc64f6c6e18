import WhittleShell
import WhittleSyntax

/// A RUN read for `dependency-first-copy`: its top-level commands with their roles, and what
/// part of it could run before the source COPY.
struct DependencyFirstRun {
    /// One top-level pipeline.
    struct Step {
        /// Logical range in the script.
        let range: Range<Int>
        /// The simple command, when the pipeline is exactly one.
        let command: SimpleCommand?
        let role: CommandRole
        /// The operator after the pipeline (`&&`, `;`, a newline), nil at the end.
        let connectorAfter: Connector?
    }

    enum Plan {
        /// Steps `prelude..<end` move (with the prelude repeated when the rest stays).
        case move(end: Int, installs: [DependencyInstall])
        /// A build that downloads implicitly: a download step of its own goes first.
        case trigger(DependencyTrigger)
        /// The RUN installs dependencies, but not in a way whittle can move; the reason.
        case blocked(DependencyInstall, String)
        case none
    }

    let run: RunScript
    let script: ShellScript
    let steps: [Step]
    /// How many leading steps are shell state (`set`, `cd`, `export`).
    let preludeCount: Int
    /// The `cd` targets of the prelude, in order.
    let preludeDirectories: [String]

    init?(_ instruction: Instruction, in file: Dockerfile) {
        let run = RunScript.cached(instruction, in: file)
        guard run.form == .shell || run.form == .heredoc, let script = run.script, !script.isOpaque else {
            return nil
        }
        self.run = run
        self.script = script
        var steps: [Step] = []
        for item in script.body.items {
            let pipelines = item.andOr.pipelines
            for (j, pipeline) in pipelines.enumerated() {
                let connector = j < pipelines.count - 1 ? item.andOr.connectors[j] : item.terminator
                var command: SimpleCommand? = nil
                if pipeline.commands.count == 1, !pipeline.isNegated,
                    case .simple(let c) = pipeline.commands[0]
                {
                    command = c
                }
                let role = command.map { EcosystemCommands.role(of: $0, in: script) } ?? .other
                steps.append(
                    Step(range: pipeline.range, command: command, role: role, connectorAfter: connector))
            }
        }
        self.steps = steps
        var prelude = 0
        var directories: [String] = []
        while prelude < steps.count, case .prelude(let cd) = steps[prelude].role,
            steps[prelude].connectorAfter != .or, steps[prelude].connectorAfter != .background
        {
            if let cd { directories.append(cd) }
            prelude += 1
        }
        preludeCount = prelude
        preludeDirectories = directories
    }

    var instruction: Instruction { run.instruction }

    /// Whether the prelude turns on `set -e`, which makes `;` stop on a failure like `&&`.
    var errexit: Bool {
        for step in steps[..<preludeCount] {
            guard let invocation = step.command?.invocation, invocation.baseName == "set" else { continue }
            let args = invocation.args.compactMap(\.literal)
            for (i, arg) in args.enumerated() {
                if arg.hasPrefix("-") && !arg.hasPrefix("--") && arg != "-o" && arg.contains("e") {
                    return true
                }
                if arg == "-o" && i + 1 < args.count && args[i + 1] == "errexit" { return true }
            }
        }
        return false
    }

    /// Cache cleanups after the cut (`npm cache clean`, `rm -rf /var/lib/apt/lists/*`) for the
    /// package managers of the moved steps: the moved RUN repeats them, or its layer would keep
    /// the cache.
    func cleanupsAfter(_ end: Int) -> [Step] {
        var families: Set<String> = []
        for step in steps[preludeCount..<end] {
            if let pm = step.command?.packageManagerCommand { families.insert(pm.manager.family.rawValue) }
        }
        return steps[end...].filter { step in
            guard case .setup = step.role, let cleanups = step.command?.cacheCleanups, !cleanups.isEmpty
            else {
                return false
            }
            return cleanups.allSatisfy { families.contains($0.family.rawValue) }
        }
    }

    /// Whether the steps can be cut apart in the source (shell form, no comment in the way).
    var isShellForm: Bool { run.form == .shell }

    var plan: Plan {
        var end = preludeCount
        var installs: [DependencyInstall] = []
        scan: while end < steps.count {
            switch steps[end].role {
            case .setup: break
            case .install(let install): installs.append(install)
            default: break scan
            }
            end += 1
        }
        if !installs.isEmpty {
            // Trailing setup commands (a cache cleanup) move with the install; anything after
            // the cut must be joined by `&&`, so that a failure still stops the build.
            if end < steps.count {
                if !isShellForm {
                    return .blocked(
                        installs[0],
                        "the install shares its heredoc RUN with other commands, which whittle does not split"
                    )
                }
                let cutOK = (preludeCount..<end).allSatisfy {
                    let c = steps[$0].connectorAfter
                    return c == .and || (errexit && (c == .semicolon || c == .newline))
                }
                if !cutOK {
                    return .blocked(
                        installs[0],
                        "the install shares its RUN with later commands that are not joined by `&&`, so they cannot be split apart"
                    )
                }
            }
            return .move(end: end, installs: installs)
        }
        // An install further in: what runs before it may need the source.
        for (index, step) in steps.enumerated() {
            if case .install(let install) = step.role {
                let before = steps[preludeCount..<index].first { step in
                    if case .setup = step.role { return false }
                    return true
                }
                let what = before.map { "`\(script.text($0.range))`" } ?? "other commands"
                return .blocked(install, "the RUN runs \(what) before the install, which may need the source")
            }
        }
        for (index, step) in steps.enumerated() {
            guard case .trigger(let trigger) = step.role else { continue }
            // The download runs where the build runs: no `cd` or `export` between.
            let between = steps[preludeCount..<index]
            if between.contains(where: { if case .prelude = $0.role { return true } else { return false } }) {
                return .none
            }
            // Without network the build relies on what is already there; a download step
            // would only fail.
            let offline = instruction.flags(named: "network").contains { $0.value == "none" }
            return isShellForm && !offline ? .trigger(trigger) : .none
        }
        return .none
    }

    /// The ecosystems the RUN installs or downloads for (for spotting an install that already
    /// runs before the source COPY).
    var preparedEcosystems: Set<Ecosystem> {
        var out: Set<Ecosystem> = []
        for step in steps {
            switch step.role {
            case .install(let install): out.insert(install.ecosystem)
            case .trigger(let trigger):
                if trigger.ecosystem == .cargo || trigger.ecosystem == .go {
                    // `cargo fetch` and `go mod download` are downloads; a build is not.
                    let text = step.command.map { script.text($0.range) } ?? ""
                    if text.contains("fetch") || text.contains("mod download") {
                        out.insert(trigger.ecosystem)
                    }
                }
            default: break
            }
        }
        return out
    }

    /// A short name for a command: its first words.
    func name(of command: SimpleCommand) -> String {
        var out = ""
        for word in command.words {
            let next = out.isEmpty ? word.raw : out + " " + word.raw
            if next.count > 60 && !out.isEmpty { return out + " …" }
            out = next
        }
        return out
    }

    /// The source offset of a step's first byte.
    func sourceStart(_ step: Int) -> Int {
        script.source.sourceOffset(ofLogical: steps[step].range.lowerBound)
    }

    /// The source offset just after a step's last byte.
    func sourceEnd(_ step: Int) -> Int { script.source.sourceEnd(ofLogical: steps[step].range.upperBound) }
}
