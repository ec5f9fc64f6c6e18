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
        func flush() {
            if chain.count > 1, let finding = mergeWindows(chain, context: context) {
                findings.append(finding)
            }
            chain = []
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
            if let reason = Self.windowsReasonToKeepApart(
                previous, member, chain: chain, maxChain: maxChain, longRun: longRun, context: context)
            {
                if let finding = Self.keptApartFinding(instruction, reason) { findings.append(finding) }
                flush()
                chain = [member]
            } else {
                chain.append(member)
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

    /// Why `next` cannot join the chain ending in `previous`, or nil when it can.
    static func windowsReasonToKeepApart(
        _ previous: WindowsMember, _ next: WindowsMember, chain: [WindowsMember], maxChain: Int, longRun: Int,
        context: PassContext
    ) -> String? {
        if previous.instruction.flags.map(\.text) != next.instruction.flags.map(\.text) {
            return "the RUNs have different flags"
        }
        if previous.shell != next.shell { return "the RUNs run under different shells" }
        if context.isSuppressed(id, codes: hadolintCodes, at: next.instruction) {
            return "a suppression comment keeps them apart"
        }
        if hasPragma(between: previous.instruction, and: next.instruction, in: context.file) {
            return "a tool comment (hadolint or whittle) annotates the second RUN"
        }
        if longRun > 0 {
            if next.statementCount >= longRun || chain.contains(where: { $0.statementCount >= longRun }) {
                return "a RUN that already chains \(longRun) or more commands is kept as its own layer"
            }
        }
        if maxChain > 0 {
            let count = chain.reduce(0) { $0 + $1.statementCount } + next.statementCount
            if count > maxChain { return "the chain would exceed max-chain-length (\(maxChain))" }
        }
        let length = chain.reduce(0) { $0 + $1.line.count + 8 } + next.line.count
        switch next.shell {
        case .cmd:
            if length > cmdLineLimit { return "the merged line would be too long for cmd.exe" }
            if CmdLine(chain[0].line).startsWithQuote {
                return "the first RUN starts with a quote, which `cmd /S` strips with the line's last quote"
            }
            if let p = CmdLine(previous.line).problemBeforeChain { return "the first RUN: \(p)" }
            if let p = CmdLine(next.line).problem { return "the second RUN: \(p)" }
        default:
            if length > powerShellLineLimit { return "the merged command line would be too long" }
            let (script, balanced) = WindowsCommandLine.powerShellScript(previous.line)
            if !balanced { return "the first RUN's double quotes are not balanced" }
            if PowerShellAudit.endsInComment(script) {
                return "the first RUN ends in a comment, which would swallow the second"
            }
            // Variables the earlier RUNs set are fine as long as no later RUN of the chain reads them.
            var assigned: Set<String> = []
            for member in chain {
                let audit = PowerShellAudit.audit(member.powerShellScript)
                if let p = audit.problem { return "an earlier RUN: \(p)" }
                assigned.formUnion(audit.assignedVariables)
            }
            let (second, secondBalanced) = WindowsCommandLine.powerShellScript(next.line)
            let tokens = PowerShellTokens(second)
            if !secondBalanced || !tokens.complete {
                return "whittle does not follow all of the second RUN's PowerShell"
            }
            // `param` must open a script; a `trap` would also catch the first RUN's errors.
            let words = tokens.tokens.compactMap { token -> String? in
                if case .word(let w) = token { return w.lowercased() }
                return nil
            }
            if words.contains("trap") { return "the second RUN sets a `trap`" }
            if PowerShellAudit.mentions(assigned, in: second) {
                return "the second RUN uses a variable an earlier RUN sets, which it did not see before"
            }
            if let first = words.first, first == "param" || first == "using" {
                return "the second RUN starts with `\(first)`"
            }
        }
        return nil
    }

    func mergeWindows(_ chain: [WindowsMember], context: PassContext) -> Finding? {
        let style = context.style
        var edits: [TextEdit] = []
        for k in 1..<chain.count {
            let a = chain[k - 1]
            let b = chain[k]
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
            }
            joiner += style.lineContinuation
            for c in comments { joiner += style.continuationIndent + c + style.newline }
            joiner += style.continuationIndent + lineStartOperator
            edits.append(TextEdit(range: from..<to, replacement: joiner))
        }
        let count = chain.count
        let shellName = chain[0].shell == .cmd ? "cmd.exe" : "PowerShell"
        return Finding(
            passID: Self.id,
            message: "\(count) consecutive RUN instructions can be one layer",
            range: chain[1].instruction.keywordSourceRange
                .lowerBound..<chain.last!.instruction.argumentsSourceRange.upperBound,
            notes: [
                "\(shellName): every RUN but the last only works on files, so the next one runs as it did alone"
            ],
            effect: Effect(layersRemoved: count - 1),
            fix: Fix(title: "Merge \(count) RUNs into one", safety: .safe, edits: edits))
    }
}
