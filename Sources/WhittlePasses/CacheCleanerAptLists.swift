import WhittleEngine
import WhittleShell
import WhittleSyntax

/// apt's package lists across RUNs: whether a RUN's `apt-get update` is used at all, and which
/// later RUNs (of the stage, or of stages built FROM it) still read the lists it leaves.
extension CacheCleaner {
    /// The instruction's range, plus the blank line after it when a blank line (or the file's
    /// start) also precedes it, so that removing it leaves no double blank line.
    func lineRangeWithoutDoubleBlank() -> Range<Int> {
        let bytes = file.source.bytes
        var range = instruction.range
        func isBlank(_ line: Range<Int>) -> Bool {
            bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        }
        var lineStart = range.lowerBound
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard lineStart == range.lowerBound, range.upperBound > 0, bytes[range.upperBound - 1] == 0x0A else {
            return range
        }
        var previousStart = lineStart > 0 ? lineStart - 1 : 0
        while previousStart > 0 && bytes[previousStart - 1] != 0x0A { previousStart -= 1 }
        let previousBlank = lineStart == 0 || isBlank(previousStart..<lineStart)
        var nextEnd = range.upperBound
        while nextEnd < bytes.count && bytes[nextEnd] != 0x0A { nextEnd += 1 }
        if nextEnd < bytes.count { nextEnd += 1 }
        if previousBlank && nextEnd > range.upperBound && isBlank(range.upperBound..<nextEnd) {
            range = range.lowerBound..<nextEnd
        }
        return range
    }

    /// The first `apt-get update` of a RUN that installs nothing with apt itself but does more
    /// than update (`apt-get update && apt-get purge -y x`, `apt-get update && bash install.sh`):
    /// its lists stay in the layer just the same. A RUN that only updates is left to
    /// `unusedIndexUpdate` and merge-runs.
    func aptUpdateWithoutInstall() -> PackageManagerCommand? {
        let apt = script.packageManagerCommands.filter { $0.manager.family == .apt }
        guard let update = apt.first(where: { $0.action == .update }) else { return nil }
        let updates = Set(apt.filter { $0.action == .update }.map(\.command.range))
        guard script.commands.contains(where: { !updates.contains($0.range) }) else { return nil }
        return update
    }

    /// The first later RUN (of this stage or a stage built FROM it) that whittle cannot read, or
    /// that runs a program by path or hands a script to a shell: it may run apt itself.
    func laterRunMayRunScripts() -> Instruction? {
        let shells: Set<String> = ["sh", "bash", "dash", "ash", "zsh", "source", ".", "xargs", "env"]
        for other in later {
            guard let s = other.script, !s.isOpaque else { return other.instruction }
            for c in s.commands {
                guard let name = c.name else { return other.instruction }
                if name.hasPrefix("/") || name.hasPrefix("./") || (shells.contains(name) && c.words.count > 1)
                {
                    return other.instruction
                }
            }
        }
        return nil
    }

    /// `RUN apt-get update` alone, when nothing after it in the stage (or a stage built FROM it)
    /// installs from those lists: they only add size (20-50 MB), so the RUN goes.
    func unusedIndexUpdate() -> Finding? {
        let commands = script.packageManagerCommands
        guard !script.commands.isEmpty,
            script.commands.allSatisfy({ c in
                commands.contains {
                    $0.command.range == c.range && $0.manager.family == .apt && $0.action == .update
                }
            }),
            instruction.flags.isEmpty, instruction.continuationComments.isEmpty, instruction.heredocs.isEmpty
        else { return nil }
        // Any later use of apt, or a script file whittle cannot read, may need the lists.
        for other in later {
            guard let s = other.script, !s.isOpaque else { return nil }
            if s.packageManagerCommands.contains(where: { $0.manager.family == .apt }) { return nil }
        }
        if laterRunMayRunScripts() != nil { return nil }
        return Finding(
            passID: Self.id,
            message: "apt-get update fetches package lists that nothing in the build installs from",
            range: instruction.keywordSourceRange.lowerBound..<instruction.argumentsSourceRange.upperBound,
            notes: [
                "no later RUN of this stage, or of a stage built FROM it, uses apt; the lists only add size"
            ],
            effect: Effect(
                bytesSaved: 40_000_000, note: "apt package lists, typically 20-50 MB",
                removedPaths: ["/var/lib/apt/lists/"]),
            fix: Fix(
                title: "Remove this RUN", safety: .safe, edits: [.delete(lineRangeWithoutDoubleBlank())]),
            ruleCodes: ["DL3009"])
    }

    /// The later RUNs (of this stage, and of the stages built FROM it) that install with apt
    /// without running `apt-get update` before, with that install; and the first later RUN whittle
    /// cannot read that mentions apt.
    func laterInstallsWithoutUpdate() -> (
        installs: [(run: RunScript, install: PackageManagerCommand)], unreadable: Instruction?
    ) {
        var installs: [(run: RunScript, install: PackageManagerCommand)] = []
        for other in later {
            guard let s = other.script, !s.isOpaque else {
                if other.instruction.arguments.contains("apt") { return (installs, other.instruction) }
                continue
            }
            let apt = s.packageManagerCommands.filter { $0.manager.family == .apt }
            guard let install = apt.first(where: { CacheCleanupRule.isInstall($0) }) else { continue }
            let updated = apt.contains {
                $0.action == .update && $0.command.range.lowerBound < install.command.range.lowerBound
            }
            if !updated { installs.append((other, install)) }
        }
        return (installs, nil)
    }

    /// Whether `apt-get update && ` can go right before an install without changing what runs
    /// around it: a top-level command, not in a pipeline, not after `||`.
    static func canPrefixUpdate(_ install: PackageManagerCommand) -> Bool {
        let c = install.command
        guard c.isTopLevel, !c.context.inPipeline, !c.inSubstitution else { return false }
        switch c.connectorBefore {
        case nil, .and?, .semicolon?, .newline?: return true
        default: return false
        }
    }
}
