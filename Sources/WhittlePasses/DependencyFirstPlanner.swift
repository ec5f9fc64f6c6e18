import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// The `dependency-first-copy` findings of one stage: each RUN that installs (or downloads)
/// dependencies right after a COPY of the source folder.
struct DependencyFirstPlanner {
    static var id: String { DependencyFirstCopyPass.id }

    let context: PassContext
    let stage: Stage
    /// The build context, nil when whittle has none (standard input, a missing folder).
    let files: ContextFiles?

    var file: Dockerfile { context.file }
    var style: FileStyle { context.style }

    /// Instructions that may stand between the COPY and the install and move along with the
    /// install (they set state the install runs with).
    static let stateKinds: Set<InstructionKind> = [.env, .arg, .workdir, .user, .shell]
    /// Instructions that change nothing a RUN sees; they stay where they are.
    static let neutralKinds: Set<InstructionKind> = [
        .label, .expose, .cmd, .entrypoint, .healthcheck, .stopsignal, .maintainer,
    ]

    func findings() -> [Finding] {
        var out: [Finding] = []
        for (index, instruction) in stage.instructions.enumerated() where instruction.kind == .run {
            guard let run = DependencyFirstRun(instruction, in: file) else { continue }
            let plan = run.plan
            if case .none = plan { continue }
            if let finding = examine(run, plan, at: index) { out.append(finding) }
        }
        return out
    }

    /// What a plan installs or downloads for.
    func ecosystems(_ plan: DependencyFirstRun.Plan) -> [Ecosystem] {
        switch plan {
        case .move(_, let installs):
            var out: [Ecosystem] = []
            for install in installs where !out.contains(install.ecosystem) { out.append(install.ecosystem) }
            return out
        case .trigger(let trigger): return [trigger.ecosystem]
        case .blocked(let install, _): return [install.ecosystem]
        case .none: return []
        }
    }

    func examine(_ run: DependencyFirstRun, _ plan: DependencyFirstRun.Plan, at index: Int) -> Finding? {
        let instructions = stage.instructions
        var intermediates: [Instruction] = []
        var copy: FolderCopy? = nil
        var between: Instruction? = nil
        var j = index - 1
        while j > 0 {
            let x = instructions[j]
            if Self.stateKinds.contains(x.kind) {
                intermediates.insert(x, at: 0)
            } else if !Self.neutralKinds.contains(x.kind) {
                if let c = FolderCopy(x, files: files) { copy = c } else { between = x }
                break
            }
            j -= 1
        }
        let ecosystems = ecosystems(plan)
        guard let copy else {
            // Something else stands between: report when the whole context was copied earlier.
            guard let between,
                let whole = instructions[1..<j].last(where: { x in
                    FolderCopy(x, files: files)?.isWholeContext == true
                }), let wholeCopy = FolderCopy(whole, files: files),
                !ecosystems.contains(where: { prepared($0, before: whole) })
            else { return nil }
            return report(
                run, plan, copy: wholeCopy,
                blockers: [
                    "the \(between.keyword.uppercased()) at line \(between.startLine) stands between the COPY and the install; if it does not need the source, move the install above the COPY by hand"
                ])
        }
        if ecosystems.contains(where: { prepared($0, before: copy.instruction) }) { return nil }
        if case .blocked(_, let reason) = plan { return report(run, plan, copy: copy, blockers: [reason]) }

        // Where the install runs, and where the COPY puts the files.
        var blockers: [String] = []
        for x in intermediates {
            if (x.kind == .env || x.kind == .arg) && copy.instruction.text.string.contains("$") {
                blockers.append(
                    "the \(x.keyword.uppercased()) at line \(x.startLine) would have to move above the COPY, which uses variables"
                )
            }
            if x.kind == .workdir && !copy.destination.hasPrefix("/") {
                blockers.append(
                    "the WORKDIR at line \(x.startLine) would have to move above the COPY, whose destination is relative"
                )
            }
        }
        // A WORKDIR set from a variable is still one folder: paths relative to it compare fine.
        let copyFolder = workdir(before: copy.instruction.range.lowerBound) ?? .stageStart
        guard let destination = copyFolder.resolving(copy.destination) else { return nil }
        var cwd: ImagePath? = copyFolder
        for x in intermediates where x.kind == .workdir {
            cwd = workdirValue(x).flatMap { value in cwd?.resolving(value) }
        }
        for directory in run.preludeDirectories { cwd = cwd?.resolving(directory) }
        guard let cwd else {
            return report(
                run, plan, copy: copy,
                blockers: [
                    "the folder the install runs in is set from a variable, or lies above one whittle cannot see"
                ])
        }
        let projectParts = cwd.relative(to: destination)
        let project = projectParts.map { ContextPath.join(copy.source, $0.joined(separator: "/")) }

        // The files each install or download names, mapped into the build context.
        var scans: [(Ecosystem, ManifestScan)] = []
        var namedByEcosystem: [Ecosystem: [String]] = [:]
        let commands:
            [(ecosystem: Ecosystem, named: [String], runsScripts: Bool, program: String, argument: String?)]
        switch plan {
        case .move(_, let installs):
            commands = installs.map { ($0.ecosystem, $0.namedFiles, $0.runsScripts, $0.program, $0.project) }
        case .trigger(let trigger):
            commands = [(trigger.ecosystem, trigger.namedFiles, true, trigger.program, trigger.project)]
        default:
            return nil
        }
        for command in commands {
            for name in command.named {
                guard let parts = cwd.resolving(name)?.relative(to: destination) else {
                    if command.ecosystem == .pip { return nil }
                    blockers.append("\(name) is not among the files this COPY brings")
                    continue
                }
                namedByEcosystem[command.ecosystem, default: []].append(
                    ContextPath.join(copy.source, parts.joined(separator: "/")))
            }
            if command.ecosystem != .pip && project == nil { return nil }
            if command.ecosystem == .pip && command.named.isEmpty { return nil }
        }

        guard let files else {
            return withoutContext(
                run, plan, copy: copy, intermediates: intermediates, named: namedByEcosystem,
                blockers: blockers)
        }
        if case .trigger(let trigger) = plan, trigger.ecosystem == .go, let project,
            files.existsOnDisk(ContextPath.join(project, "vendor/modules.txt"))
        {
            return nil  // vendored modules: nothing to download
        }
        var seen: Set<Ecosystem> = []
        for command in commands where seen.insert(command.ecosystem).inserted {
            var scan = EcosystemManifests.scan(
                command.ecosystem, project: project ?? copy.source,
                namedFiles: namedByEcosystem[command.ecosystem] ?? [],
                runsScripts: command.runsScripts, program: command.program, projectArgument: command.argument,
                files: files, sourceRoot: copy.source)
            for path in scan.files + scan.folders where ContextPath.relative(path, to: copy.source) == nil {
                scan.block("\(path) is outside the folder this COPY brings")
            }
            scans.append((command.ecosystem, scan))
        }
        blockers += scans.flatMap(\.1.blockers)
        if !blockers.isEmpty { return report(run, plan, copy: copy, blockers: blockers) }

        var unsafe = scans.flatMap(\.1.unsafe)
        if case .move = plan {
            for (ecosystem, scan) in scans {
                for folder in scan.projectFolders {
                    for output in ecosystem.projectOutputs {
                        let path = ContextPath.join(folder, output)
                        if files.existsOnDisk(path) && !files.isIgnored(path) {
                            unsafe.append(
                                "unsafe: \(path) is in the build context and .dockerignore does not exclude it, so the source COPY would now copy it over what the install made"
                            )
                        }
                    }
                }
            }
        }
        var manifestFiles: [String] = []
        var folders: [String] = []
        for (_, scan) in scans {
            for f in scan.files where !manifestFiles.contains(f) { manifestFiles.append(f) }
            for f in scan.folders where !folders.contains(f) { folders.append(f) }
        }
        let afterSource = scans.first { $0.0 == .composer }?.1.afterSource ?? []
        return rewrite(
            run, plan, copy: copy, intermediates: intermediates, manifests: manifestFiles, folders: folders,
            unsafe: unsafe, notes: scans.flatMap(\.1.notes), composerScripts: afterSource)
    }

    /// Without a build context: only files the install names itself (pip `-r`), as an unsafe fix.
    func withoutContext(
        _ run: DependencyFirstRun, _ plan: DependencyFirstRun.Plan, copy: FolderCopy,
        intermediates: [Instruction],
        named: [Ecosystem: [String]], blockers: [String]
    ) -> Finding? {
        if !blockers.isEmpty { return report(run, plan, copy: copy, blockers: blockers) }
        guard case .move(_, let installs) = plan, installs.allSatisfy({ $0.ecosystem == .pip }),
            let files = named[.pip], !files.isEmpty
        else {
            return report(
                run, plan, copy: copy,
                blockers: [
                    "without the build context (standard input, or no such folder) whittle cannot see which manifests exist; run it on the file, or pass --context"
                ])
        }
        return rewrite(
            run, plan, copy: copy, intermediates: intermediates, manifests: files, folders: [],
            unsafe: [
                "unsafe: without the build context whittle cannot check that \(Self.list(files)) exist\(files.count == 1 ? "s" : "") or that the install needs nothing else from the source (an `-r` include, `-e .`)"
            ], notes: [], composerScripts: [])
    }

    // MARK: - Findings

    func message(_ run: DependencyFirstRun, _ plan: DependencyFirstRun.Plan, copy: FolderCopy) -> String {
        switch plan {
        case .trigger(let trigger):
            return
                "`\(run.name(of: trigger.command))` (line \(run.instruction.startLine)) downloads the \(trigger.ecosystem.displayName) dependencies after `\(copy.shortText)`, so every source change downloads them again"
        case .move(_, let installs):
            return
                "`\(run.name(of: installs[0].command))` (line \(run.instruction.startLine)) runs after `\(copy.shortText)`, so every source change reinstalls the dependencies"
        case .blocked(let install, _):
            return
                "`\(run.name(of: install.command))` (line \(run.instruction.startLine)) runs after `\(copy.shortText)`, so every source change reinstalls the dependencies"
        case .none:
            return ""
        }
    }

    func range(_ run: DependencyFirstRun, copy: FolderCopy) -> Range<Int> {
        copy.instruction.range.lowerBound..<run.instruction.range.upperBound
    }

    /// A finding without a fix: what stands in the way.
    func report(
        _ run: DependencyFirstRun, _ plan: DependencyFirstRun.Plan, copy: FolderCopy, blockers: [String]
    )
        -> Finding
    {
        Finding(
            passID: Self.id, message: message(run, plan, copy: copy), range: range(run, copy: copy),
            notes: blockers.map { "not rewritten: " + $0 }, effect: Effect(keepsCacheOnSourceChange: true))
    }

    // MARK: - The rewrite

    func rewrite(
        _ run: DependencyFirstRun, _ plan: DependencyFirstRun.Plan, copy: FolderCopy,
        intermediates: [Instruction],
        manifests: [String], folders: [String], unsafe: [String], notes extraNotes: [String],
        composerScripts: [String]
    ) -> Finding? {
        let newline = style.newline
        let r = run.instruction
        var notes: [String] = []
        var edits: [TextEdit] = []
        var insertion = ""
        // 1. The manifests.
        guard let lines = manifestLines(manifests, folders, copy: copy) else {
            return report(run, plan, copy: copy, blockers: ["a manifest's name needs quoting in a COPY"])
        }
        insertion += lines
        // 2. State the install runs with.
        for x in intermediates {
            let start = attachedStart(x)
            insertion += text(start..<x.range.upperBound, endingWith: newline)
            edits.append(.delete(start..<x.range.upperBound))
        }
        if let x = intermediates.first {
            notes.append(
                "the \(intermediates.map { $0.keyword.uppercased() }.joined(separator: ", ")) from line \(x.startLine) move\(intermediates.count == 1 ? "s" : "") along, so the install runs as it did"
            )
        }
        // 3. The install, or the download step.
        let title: String
        let names =
            manifests.map { ContextPath.relative($0, to: copy.source) ?? $0 }
            + folders.map { (ContextPath.relative($0, to: copy.source) ?? $0) + "/" }
        let shown = Self.list(names.count > 5 ? Array(names.prefix(4)) + ["\(names.count - 4) more"] : names)
        switch plan {
        case .move(let end, let installs):
            let whole = end == run.steps.count
            let keeps = installs.contains(where: \.keepsOriginal)
            let composer = installs.contains { $0.ecosystem == .composer }
            if keeps && installs.count > 1 {
                return report(run, plan, copy: copy, blockers: ["the RUN installs for several tools at once"])
            }
            if whole && !keeps && !composer {
                let start = attachedStart(r)
                insertion += text(start..<r.range.upperBound, endingWith: newline)
                edits.append(.delete(start..<r.range.upperBound))
            } else {
                guard run.isShellForm else {
                    return report(run, plan, copy: copy, blockers: ["the install's RUN is not in shell form"])
                }
                insertion += movedText(run, end: end, installs: installs) + newline
                let kept = (end..<run.steps.count).map { "`\(run.script.text(run.steps[$0].range))`" }
                if keeps {
                    let install = installs[0]
                    notes.append(
                        "`\(run.name(of: install.command)) \(install.dependencyOnlyOptions.joined(separator: " "))` installs the dependencies first; the RUN at line \(r.startLine) still runs after the source COPY and installs the project itself"
                    )
                } else if composer {
                    guard let edit = composerEdit(run, end: end, installs: installs, scripts: composerScripts)
                    else {
                        return report(
                            run, plan, copy: copy, blockers: ["a comment sits inside the install's RUN"])
                    }
                    edits.append(edit.edit)
                    notes.append(
                        "Composer installs with --no-scripts --no-autoloader first; `\(edit.after)` runs after the source COPY"
                    )
                } else {
                    let cut = run.sourceStart(run.preludeCount)..<run.sourceStart(end)
                    if r.continuationComments.contains(where: { $0.overlaps(cut) }) {
                        return report(
                            run, plan, copy: copy, blockers: ["a comment sits inside the install's RUN"])
                    }
                    edits.append(.delete(cut))
                    notes.append(
                        "only the install moves; \(Self.list(kept)) stay\(kept.count == 1 ? "s" : "") after the source COPY"
                    )
                    let cleanups = run.cleanupsAfter(end).map { "`\(run.script.text($0.range))`" }
                    if !cleanups.isEmpty {
                        notes.append(
                            "\(Self.list(cleanups)) also run\(cleanups.count == 1 ? "s" : "") in the moved RUN, so that its layer does not keep the cache"
                        )
                    }
                }
            }
            let install = installs.map { "`\(run.name(of: $0.command))`" }
            title = "Copy \(shown) first and run \(Self.list(install)) before `\(copy.shortText)`"
        case .trigger(let trigger):
            var download = trigger.download
            if trigger.ecosystem == .cargo {
                download = "mkdir -p src && touch src/main.rs && \(download) && rm src/main.rs"
                notes.append(
                    "cargo reads the crate's targets before it fetches: the download step creates an empty src/main.rs and removes it again"
                )
            }
            let head = context.source[r.range.lowerBound..<ScriptEdits.scriptStart(run.script)]
            let prelude =
                run.preludeCount > 0 ? run.script.text(0..<run.steps[run.preludeCount].range.lowerBound) : ""
            insertion += String(decoding: head, as: UTF8.self) + prelude + download + newline
            notes.append(
                "`\(run.name(of: trigger.command))` stays where it is; `\(download)` fills the cache before the source arrives"
            )
            title = "Copy \(shown) first and run `\(download)` before `\(copy.shortText)`"
        default:
            return nil
        }
        edits = tidied(edits)
        edits.append(.insert(insertion, at: copy.instruction.range.lowerBound))
        notes += extraNotes
        let safety: FixSafety = unsafe.isEmpty ? .safe : .unsafe
        if unsafe.isEmpty {
            if case .trigger = plan {
                notes.append(
                    "safe: the build context holds \(shown); the new step only fills the cache, and the build runs as before"
                )
            } else {
                notes.append(
                    "safe: the build context holds \(shown), and the install needs nothing else that arrives with the source"
                )
            }
        } else {
            notes += unsafe
        }
        return Finding(
            passID: Self.id, message: message(run, plan, copy: copy), range: range(run, copy: copy),
            notes: notes,
            effect: Effect(keepsCacheOnSourceChange: true),
            fix: Fix(title: title, safety: safety, edits: edits))
    }

    /// Deletions merged where they touch; a deleted block between two blank lines takes one of
    /// them along, so that moving instructions out leaves no double gap.
    func tidied(_ edits: [TextEdit]) -> [TextEdit] {
        var deletions = edits.filter { $0.replacement.isEmpty && !$0.range.isEmpty }.sorted()
        let others = edits.filter { !($0.replacement.isEmpty && !$0.range.isEmpty) }
        var merged: [Range<Int>] = []
        for d in deletions {
            if let last = merged.last, last.upperBound == d.range.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<d.range.upperBound
            } else {
                merged.append(d.range)
            }
        }
        let nodes = file.nodes
        deletions = merged.map { range in
            guard let before = nodes.lastIndex(where: { $0.range.upperBound == range.lowerBound }),
                case .blank(let blankBefore) = nodes[before]
            else { return .delete(range) }
            guard let after = nodes.firstIndex(where: { $0.range.lowerBound == range.upperBound }) else {
                // The block ends the file: the blank line above it would end it instead.
                return .delete(blankBefore.lowerBound..<range.upperBound)
            }
            guard case .blank(let blank) = nodes[after] else { return .delete(range) }
            return .delete(range.lowerBound..<blank.upperBound)
        }
        let sorted = deletions.sorted()
        if zip(sorted, sorted.dropFirst()).contains(where: { $0.range.upperBound > $1.range.lowerBound }) {
            return others + merged.map { TextEdit.delete($0) }
        }
        return others + deletions
    }

    /// The RUN that goes before the source COPY: the original's text up to the last moved
    /// command, with dependency-only options added.
    func movedText(_ run: DependencyFirstRun, end: Int, installs: [DependencyInstall]) -> String {
        let r = run.instruction
        let start = r.range.lowerBound
        var bytes = Array(context.source[start..<run.sourceEnd(end - 1)])
        var inserts: [(Int, String)] = []
        for install in installs where !install.dependencyOnlyOptions.isEmpty {
            guard let last = install.command.words.last else { continue }
            let at = run.script.source.sourceEnd(ofLogical: last.range.upperBound) - start
            inserts.append((at, " " + install.dependencyOnlyOptions.joined(separator: " ")))
        }
        for (at, text) in inserts.sorted(by: { $0.0 > $1.0 }) where at <= bytes.count {
            bytes.insert(contentsOf: Array(text.utf8), at: at)
        }
        var text = String(decoding: bytes, as: UTF8.self)
        for cleanup in run.cleanupsAfter(end) {
            let command = run.script.text(cleanup.range)
            if r.isMultiline {
                switch style.operatorPlacement {
                case .lineEnd: text += " &&" + style.lineContinuation + style.continuationIndent + command
                case .lineStart: text += style.lineContinuation + style.continuationIndent + "&& " + command
                }
            } else {
                text += " && " + command
            }
        }
        return text
    }

    /// Composer: the moved commands become `composer dump-autoload` (and the scripts) in place.
    func composerEdit(_ run: DependencyFirstRun, end: Int, installs: [DependencyInstall], scripts: [String])
        -> (edit: TextEdit, after: String)?
    {
        guard let install = installs.first(where: { $0.ecosystem == .composer }),
            let invocation = install.command.invocation, let pm = install.command.packageManagerCommand
        else { return nil }
        let script = run.script
        let program = script.text(install.command.range.lowerBound..<invocation.commandWord.range.upperBound)
        var options: [String] = []
        if pm.hasOption("--no-dev") { options.append("--no-dev") }
        if pm.hasOption("-o", "--optimize-autoloader") { options.append("--optimize") }
        if pm.hasOption("-a", "--classmap-authoritative") { options.append("--classmap-authoritative") }
        if pm.hasOption("--apcu-autoloader") { options.append("--apcu") }
        if pm.hasOption("-n", "--no-interaction") { options.append("--no-interaction") }
        for option in pm.options
        where option.name == "--ignore-platform-reqs" || option.name == "--ignore-platform-req" {
            options.append(script.text(option.range))
        }
        var after = ([program, "dump-autoload"] + options).joined(separator: " ")
        if scripts.contains("post-install-cmd") {
            after +=
                " && "
                + ([program, "run-script", "post-install-cmd"]
                + (pm.hasOption("--no-dev") ? ["--no-dev"] : []))
                .joined(separator: " ")
        }
        let r = run.instruction
        let lower = run.sourceStart(run.preludeCount)
        let upper: Int
        var replacement = after
        if end < run.steps.count {
            upper = run.sourceStart(end)
            replacement += script.text(run.steps[end - 1].range.upperBound..<run.steps[end].range.lowerBound)
        } else {
            upper = ScriptEdits.scriptEnd(script)
        }
        if r.continuationComments.contains(where: { $0.overlaps(lower..<upper) }) { return nil }
        return (TextEdit(range: lower..<upper, replacement: replacement), after)
    }

    /// The manifest COPY lines: one per destination folder, then one per folder copied whole.
    func manifestLines(_ manifests: [String], _ folders: [String], copy: FolderCopy) -> String? {
        var groups: [(folder: String, sources: [String])] = []
        for path in manifests {
            guard let relative = ContextPath.relative(path, to: copy.source), Self.isPlainName(path) else {
                return nil
            }
            let folder = ContextPath.parent(relative)
            if let i = groups.firstIndex(where: { $0.folder == folder }) {
                groups[i].sources.append(path)
            } else {
                groups.append((folder, [path]))
            }
        }
        groups = groups.filter { $0.folder.isEmpty } + groups.filter { !$0.folder.isEmpty }
        let keyword = style.keyword("COPY")
        let flags = copy.flagTexts.map { $0 + " " }.joined()
        var out = ""
        for group in groups {
            out +=
                "\(keyword) \(flags)\(group.sources.joined(separator: " ")) \(copy.destination(for: group.folder))"
            out += style.newline
        }
        for folder in folders {
            guard let relative = ContextPath.relative(folder, to: copy.source), Self.isPlainName(folder)
            else {
                return nil
            }
            out += "\(keyword) \(flags)\(folder) \(copy.destination(for: relative))" + style.newline
        }
        return out
    }

    /// A path a COPY can name without quoting or globbing.
    static func isPlainName(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("-")
            && !path.contains(where: { " \t\"'$*?[]\\{}#".contains($0) || $0.isNewline })
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    // MARK: - Source helpers

    /// The start of the comment lines directly above an instruction (no blank line between).
    func attachedStart(_ instruction: Instruction) -> Int {
        guard let index = file.nodes.firstIndex(where: { $0.instruction?.range == instruction.range }) else {
            return instruction.range.lowerBound
        }
        var start = instruction.range.lowerBound
        var i = index - 1
        while i >= 0, case .comment(let r) = file.nodes[i] {
            start = r.lowerBound
            i -= 1
        }
        return start
    }

    /// Source text of a range, with a line terminator at the end.
    func text(_ range: Range<Int>, endingWith newline: String) -> String {
        let bytes = context.source[range]
        let s = String(decoding: bytes, as: UTF8.self)
        return bytes.last == UInt8(ascii: "\n") ? s : s + newline
    }

    /// Whether a RUN of the stage before `instruction` already installs for `ecosystem`.
    func prepared(_ ecosystem: Ecosystem, before instruction: Instruction) -> Bool {
        for x in stage.instructions where x.kind == .run && x.range.upperBound <= instruction.range.lowerBound
        {
            if let run = DependencyFirstRun(x, in: file), run.preparedEcosystems.contains(ecosystem) {
                return true
            }
        }
        return false
    }

    // MARK: - WORKDIR

    func workdirValue(_ instruction: Instruction) -> String? {
        guard let value = instruction.value.first, !value.contains("$") else { return nil }
        return VariableExpander(escape: file.escape).unquote(value)
    }

    /// The working folder before `offset` in the stage; nil when a variable sets it.
    func workdir(before offset: Int) -> ImagePath? {
        workdir(before: offset, in: stage, depth: 0)
    }

    func workdir(before offset: Int, in stage: Stage, depth: Int) -> ImagePath? {
        var current: ImagePath? = .stageStart
        if depth < 16, let parent = file.parentStage(of: stage) {
            current = workdir(before: Int.max, in: parent, depth: depth + 1)
        }
        for x in stage.instructions where x.kind == .workdir && x.range.lowerBound < offset {
            guard let value = x.value.first, !value.contains("$") else {
                current = nil
                continue
            }
            let path = VariableExpander(escape: file.escape).unquote(value)
            if path.hasPrefix("/") {
                current = ImagePath(absolute: true, parts: []).resolving(path)
            } else {
                current = current?.resolving(path)
            }
        }
        return current
    }
}
