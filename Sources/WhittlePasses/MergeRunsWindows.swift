import WhittleEngine
import WhittleShell
import WhittleSyntax

/// merge-runs for Windows images: RUNs under cmd.exe joined with `&&`, RUNs under a PowerShell
/// SHELL that stops on errors joined with `;`.
///
/// A Windows RUN is a new process, and it reads the machine's environment afresh: a PATH an
/// installer or `setx` wrote in the RUN before is seen by the next RUN, never by a command later
/// on the same line. So a RUN may only go in front of another when it provably leaves nothing
/// but files behind: for cmd.exe its commands come from a list of file tools (`mkdir`, `copy`,
/// `del`, `curl`, `tar`, ...) or are `powershell -Command` scripts that pass `PowerShellAudit`;
/// under a PowerShell SHELL its statements are file cmdlets that set no variable (the session is
/// shared), and `$ErrorActionPreference = 'Stop'` in the SHELL makes any error end the script
/// as it ended the RUN. The last RUN of a chain may be anything the syntax allows.
///
/// A RUN whose only unknown is a program (`WindowsChainHazard.unknownPrograms`) is joined by an
/// unsafe fix instead, unless the next RUN reads an environment variable such a program could
/// have changed; under PowerShell that join checks `$?` where the RUN ended.
extension MergeRunsPass {
    /// One Windows RUN of a candidate chain.
    struct WindowsMember {
        let instruction: Instruction
        let shell: RunShell
        /// The RUN's command line (the logical arguments).
        let line: String
        /// For PowerShell: the script after the command line is split into arguments.
        var powerShellScript: String {
            WindowsCommandLine.powerShellScript(line).script
        }
        var statementCount: Int {
            switch shell {
            case .cmd: return CmdLine(line).commands.count
            default: return PowerShellAudit.statementCount(powerShellScript)
            }
        }
    }

    /// cmd.exe's limit on a command line is 8,191 characters; CreateProcess's is 32,767.
    static let cmdLineLimit = 8_000
    static let powerShellLineLimit = 30_000

    /// The Windows RUNs of `stage` that can be chained, as findings.
    func windowsFindings(in stage: Stage, context: PassContext, maxChain: Int, longRun: Int) -> [Finding] {
        let file = context.file
        // Most stages run /bin/sh from start to end: nothing to do here.
        if !stage.instructions.contains(where: { $0.kind == .shell }),
            RunShell.at(stage.from.range.upperBound, in: file) == .posix
        {
            return []
        }
        var findings: [Finding] = []
        var chain: [WindowsMember] = []
        var links: [WindowsLink] = []
        func flush() {
            if chain.count > 1 { findings += mergeWindows(chain, links: links, context: context) }
            chain = []
            links = []
        }
        for instruction in stage.instructions {
            guard instruction.kind == .run, !instruction.isJSON, instruction.heredocs.isEmpty else {
                flush()
                continue
            }
            let shell = RunShell.at(instruction.range.lowerBound, in: file)
            guard Self.mergesWindows(shell) else {
                flush()
                continue
            }
            let member = WindowsMember(instruction: instruction, shell: shell, line: instruction.arguments)
            guard let previous = chain.last else {
                chain = [member]
                continue
            }
            let link = Self.windowsLink(
                previous, member, chain: chain, maxChain: maxChain, longRun: longRun, context: context)
            if case .apart(let reason) = link {
                if let finding = Self.keptApartFinding(instruction, reason) { findings.append(finding) }
                flush()
                chain = [member]
            } else {
                chain.append(member)
                links.append(link)
            }
        }
        flush()
        return findings
    }

    /// Whether RUNs under this shell are considered: cmd.exe, or a PowerShell SHELL whose prefix
    /// makes every error stop the script.
    static func mergesWindows(_ shell: RunShell) -> Bool {
        switch shell {
        case .cmd: return true
        case .powerShell(let prefix): return stopsOnError(prefix)
        default: return false
        }
    }

    /// `$ErrorActionPreference = 'Stop'` (any quotes, any spacing, any case) in a SHELL's prefix.
    static func stopsOnError(_ prefix: String) -> Bool {
        let compact = prefix.lowercased().filter { $0 != " " && $0 != "\t" }
        return compact.contains("$erroractionpreference='stop'")
            || compact.contains("$erroractionpreference=\"stop\"")
            || compact.contains("$erroractionpreference=\\\"stop\\\"")
    }

    /// How two consecutive Windows RUNs of a chain relate.
    enum WindowsLink: Equatable {
        /// The first only works on files: the merge is safe.
        case safe
        /// The first runs programs whittle does not know (and nothing it knows to change more
        /// than files): the merge is an unsafe fix. `checkStatus`: PowerShell must fail where the
        /// first RUN failed, which a program's exit code does not do under `Stop`.
        case unsafe(programs: [String], checkStatus: Bool)
        /// They stay apart, for this reason.
        case apart(String)
    }

    /// How `next` joins the chain ending in `previous`.
    static func windowsLink(
        _ previous: WindowsMember, _ next: WindowsMember, chain: [WindowsMember], maxChain: Int, longRun: Int,
        context: PassContext
    ) -> WindowsLink {
        if previous.instruction.flags.map(\.text) != next.instruction.flags.map(\.text) {
            return .apart("the RUNs have different flags")
        }
        if previous.shell != next.shell { return .apart("the RUNs run under different shells") }
        if context.isSuppressed(id, codes: hadolintCodes, at: next.instruction) {
            return .apart("a suppression comment keeps them apart")
        }
        if hasPragma(between: previous.instruction, and: next.instruction, in: context.file) {
            return .apart("a tool comment (hadolint or whittle) annotates the second RUN")
        }
        if longRun > 0 {
            if next.statementCount >= longRun || chain.contains(where: { $0.statementCount >= longRun }) {
                return .apart(
                    "a RUN that already chains \(longRun) or more commands is kept as its own layer")
            }
        }
        if maxChain > 0 {
            let count = chain.reduce(0) { $0 + $1.statementCount } + next.statementCount
            if count > maxChain { return .apart("the chain would exceed max-chain-length (\(maxChain))") }
        }
        let length = chain.reduce(0) { $0 + $1.line.count + 30 } + next.line.count
        switch next.shell {
        case .cmd:
            if length > cmdLineLimit { return .apart("the merged line would be too long for cmd.exe") }
            if CmdLine(chain[0].line).startsWithQuote {
                return .apart(
                    "the first RUN starts with a quote, which `cmd /S` strips with the line's last quote")
            }
            if let p = CmdLine(next.line).problem { return .apart("the second RUN: \(p)") }
            switch CmdLine(previous.line).chainHazard {
            case nil: return .safe
            case .changesState(let p)?: return .apart("the first RUN: \(p)")
            case .unknownPrograms(let programs)?:
                let reads = WindowsEnvironmentReads.inCmdLine(next.line)
                if let name = changeableVariable(reads, before: next.instruction, in: context.file) {
                    return .apart(
                        "the second RUN reads %\(name)%, which a program of the first RUN may change")
                }
                return .unsafe(programs: programs, checkStatus: false)
            }
        default:
            if length > powerShellLineLimit { return .apart("the merged command line would be too long") }
            let (script, balanced) = WindowsCommandLine.powerShellScript(previous.line)
            if !balanced { return .apart("the first RUN's double quotes are not balanced") }
            if PowerShellAudit.endsInComment(script) {
                return .apart("the first RUN ends in a comment, which would swallow the second")
            }
            // Variables the earlier RUNs set are fine as long as no later RUN of the chain reads them.
            var assigned: Set<String> = []
            var programs: [String] = []
            for member in chain {
                let audit = PowerShellAudit.audit(member.powerShellScript)
                if let p = audit.problem { return .apart("an earlier RUN: \(p)") }
                assigned.formUnion(audit.assignedVariables)
                programs = audit.unknownPrograms  // the last one's: earlier links were judged already
            }
            let (second, secondBalanced) = WindowsCommandLine.powerShellScript(next.line)
            let tokens = PowerShellTokens(second)
            if !secondBalanced || !tokens.complete {
                return .apart("whittle does not follow all of the second RUN's PowerShell")
            }
            // `param` must open a script; a `trap` would also catch the first RUN's errors.
            let words = tokens.tokens.compactMap { token -> String? in
                if case .word(let w) = token { return w.lowercased() }
                return nil
            }
            if words.contains("trap") { return .apart("the second RUN sets a `trap`") }
            if assigned.contains(PowerShellAudit.securityProtocolMarker)
                && PowerShellAudit.webRequests(in: second)
            {
                return .apart(
                    "an earlier RUN sets the session's TLS versions, which the second RUN's web request would use"
                )
            }
            if PowerShellAudit.mentions(assigned, in: second) {
                return .apart(
                    "the second RUN uses a variable an earlier RUN sets, which it did not see before")
            }
            if let first = words.first, first == "param" || first == "using" {
                return .apart("the second RUN starts with `\(first)`")
            }
            if programs.isEmpty { return .safe }
            let lower = second.lowercased()
            if lower.contains("$?") || lower.contains("lastexitcode") {
                return .apart("the second RUN reads the exit status a program of the first RUN would leave")
            }
            let reads = WindowsEnvironmentReads.inPowerShell(second)
            if let name = changeableVariable(reads, before: next.instruction, in: context.file) {
                return .apart(
                    name == "*"
                        ? "the second RUN reads the environment, which a program of the first RUN may change"
                        : "the second RUN reads $env:\(name), which a program of the first RUN may change")
            }
            return .unsafe(programs: programs, checkStatus: true)
        }
    }

    /// The first of `names` (environment variables a RUN reads) that a program of the RUN before
    /// may have changed for a new process: not one of Windows' own (`%ProgramFiles%`), nor one
    /// the Dockerfile sets with ENV or ARG (the container's value wins), and never `PATH`.
    static func changeableVariable(_ names: [String], before run: Instruction, in file: Dockerfile) -> String?
    {
        guard !names.isEmpty else { return nil }
        var declared: Set<String> = []
        for instruction in file.instructions where instruction.range.upperBound <= run.range.lowerBound {
            guard instruction.kind == .env || instruction.kind == .arg else { continue }
            for pair in file.keyValues(of: instruction) { declared.insert(pair.key.lowercased()) }
        }
        declared.remove("path")
        return names.first {
            !WindowsEnvironmentReads.systemVariables.contains($0.lowercased())
                && !declared.contains($0.lowercased())
        }
    }

    /// The findings for a chain: one safe fix per run of safe links, and one unsafe fix that
    /// makes the rest of the joins (both apply together under `--unsafe-fixes`; the joins never
    /// overlap).
    func mergeWindows(_ chain: [WindowsMember], links: [WindowsLink], context: PassContext) -> [Finding] {
        var findings: [Finding] = []
        let shellName = chain[0].shell == .cmd ? "cmd.exe" : "PowerShell"
        var start = 0
        for k in 0...links.count where k == links.count || links[k] != .safe {
            // chain[start...k] are joined by safe links.
            if k > start {
                let part = Array(chain[start...k])
                let edits = (1..<part.count).compactMap {
                    join(part[$0 - 1], part[$0], checkStatus: false, context)
                }
                if edits.count == part.count - 1 {
                    findings.append(
                        Finding(
                            passID: Self.id,
                            message: "\(part.count) consecutive RUN instructions can be one layer",
                            range: part[1].instruction.keywordSourceRange
                                .lowerBound..<part.last!.instruction.argumentsSourceRange.upperBound,
                            notes: [
                                "\(shellName): every RUN but the last only works on files (or sets what no later RUN of the chain reads), so the next one runs as it did alone"
                            ],
                            effect: Effect(layersRemoved: part.count - 1),
                            fix: Fix(title: "Merge \(part.count) RUNs into one", safety: .safe, edits: edits))
                    )
                }
            }
            start = k + 1
        }
        var edits: [TextEdit] = []
        var programs: [String] = []
        var firstJoined: Int?
        for (k, link) in links.enumerated() {
            guard case .unsafe(let used, let checkStatus) = link else { continue }
            guard let edit = join(chain[k], chain[k + 1], checkStatus: checkStatus, context) else {
                return findings
            }
            edits.append(edit)
            for program in used where !programs.contains(program) { programs.append(program) }
            firstJoined = firstJoined ?? k + 1
        }
        guard let firstJoined else { return findings }
        var notes = ["unsafe: \(WindowsChainHazard.unknownPrograms(programs).reason)"]
        if links.contains(.safe) {
            notes.append("the safe fix of this chain joins the other RUNs; together they make one RUN")
        }
        if chain[0].shell != .cmd {
            notes.append(
                "a program's failure does not stop a PowerShell script, so each join checks `$?` as the end of the RUN did"
            )
        }
        findings.append(
            Finding(
                passID: Self.id,
                message:
                    "\(chain.count) consecutive RUN instructions can be one layer if their programs only write files",
                range: chain[firstJoined].instruction.keywordSourceRange
                    .lowerBound..<chain.last!.instruction.argumentsSourceRange.upperBound,
                notes: notes,
                effect: Effect(layersRemoved: edits.count),
                fix: Fix(title: "Merge \(edits.count + 1) RUNs into one", safety: .unsafe, edits: edits)))
        return findings
    }

    /// The edit that joins RUN `b` onto RUN `a` (comments between them move into the
    /// continuation). `checkStatus`: PowerShell ends the script with `exit 1` where the first
    /// RUN's last command failed, as the RUN itself would have.
    func join(_ a: WindowsMember, _ b: WindowsMember, checkStatus: Bool, _ context: PassContext) -> TextEdit?
    {
        let style = context.style
        let from = a.instruction.argumentsSourceRange.upperBound
        let to = b.instruction.argumentsSourceRange.lowerBound
        guard from <= to else { return nil }
        let comments = Self.comments(from..<to, before: b.instruction, in: context.file)
        var joiner: String
        var lineStartOperator = ""
        switch a.shell {
        case .cmd:
            if style.operatorPlacement == .lineStart {
                joiner = ""
                lineStartOperator = "&& "
            } else {
                joiner = " &&"
            }
        default:
            joiner = PowerShellAudit.endsWithSemicolon(a.powerShellScript) ? "" : ";"
            if checkStatus { joiner += " if (-not $?) { exit 1 };" }
        }
        joiner += style.lineContinuation
        for c in comments { joiner += style.continuationIndent + c + style.newline }
        joiner += style.continuationIndent + lineStartOperator
        return TextEdit(range: from..<to, replacement: joiner)
    }
}
