import WhittleEngine
import WhittleShell
import WhittleSyntax

/// The cleanup findings for one RUN (see `CleanPackageCachePass`).
struct CacheCleaner {
    let context: PassContext
    let stage: Stage
    let run: RunScript
    let script: ShellScript
    /// The RUNs after this one in the same stage.
    let later: [RunScript]
    let mounts: Bool

    var instruction: Instruction { run.instruction }
    /// The style appended lines follow: this RUN's own continuation lines, else the file's.
    var runStyle: FileStyle { FileStyle(of: instruction, in: file, fileStyle: context.style) }
    var file: Dockerfile { context.file }
    static var id: String { CleanPackageCachePass.id }

    func findings() -> [Finding] {
        var out: [Finding] = []
        let commands = script.packageManagerCommands
        // apt's cleanup is its lists: `apt-get clean` alone empties only the package archives.
        let cleanups = Self.cleanups(of: script, at: instruction)
        var cleaned = Set(cleanups.map(\.family))
        if !cleanups.contains(where: \.removesAptLists) { cleaned.remove(.apt) }
        // A RUN that names the lists folder somewhere whittle does not read as a command (inside
        // `bash -c "..."`, in a `find`) is taken to handle it: a second removal would be noise.
        if instruction.arguments.contains("/var/lib/apt/lists") { cleaned.insert(.apt) }
        for rule in CacheCleanupRule.all {
            var filling = commands.filter { $0.manager.family == rule.family && rule.fills($0) }
            if filling.isEmpty && rule.family == .apt, let update = aptUpdateWithoutInstall() {
                filling = [update]
            }
            guard let first = filling.first else { continue }
            if case .option = rule.remedy(first) {
                // An option on each command that lacks it, unless the RUN already removes the cache.
                // (Documentation is not a cache: an rm of the gem cache does not make it go.)
                if cleaned.contains(rule.family) && rule.family != .ruby {
                    if rule.family == .apk, let f = apkNoCacheInsteadOfRemoval(rule, filling, cleanups) {
                        out.append(f)
                    }
                    continue
                }
                if rule.family == .pip && pipCacheIsOff() { continue }
                // The official ruby images already install gems without documentation (gemrc).
                if rule.family == .ruby && baseImageRepository() == "ruby" { continue }
                if mountCovers(rule) { continue }
                if mountsApply(rule) {
                    if let f = mountFinding(rule, first) { out.append(f) }
                    continue
                }
                out += optionFindings(rule, filling)
                continue
            }
            if cleaned.contains(rule.family) || mountCovers(rule) { continue }
            // A GOCACHE set in the Dockerfile is the user's choice (it may even be `off`).
            if rule.family == .go && environmentSets("GOCACHE") { continue }
            // apt's lists come from `apt-get update`: a RUN that installs from lists an earlier
            // RUN fetched cannot remove them from that earlier layer.
            if rule.family == .apt
                && !commands.contains(where: { $0.manager.family == .apt && $0.action == .update })
            {
                continue
            }
            // Cache mounts target root's cache folders; another user's RUN is cleaned instead.
            if mountsApply(rule) {
                if let f = mountFinding(rule, first) { out.append(f) }
                continue
            }
            // Later RUNs that install from these lists get their own `apt-get update` (unsafe:
            // they fetch fresh lists); when one cannot be edited, the lists stay.
            var updatesForLaterInstalls: [TextEdit] = []
            var laterLines: [Int] = []
            // A RUN that updates without installing may be preparing lists for a later script.
            if first.action == .update, let script = laterRunMayRunScripts() {
                out.append(
                    Finding(
                        passID: Self.id, message: "apt package lists stay in this layer",
                        range: first.command.rangeIn(self.script),
                        notes: [
                            "not removed here: nothing in this RUN installs from them, and the RUN at line \(script.startLine) runs a script that may; run apt-get update where the packages are installed, then whittle can clean up"
                        ], ruleCodes: rule.hadolintCode.map { [$0] } ?? []))
                continue
            }
            if rule.family == .apt {
                let (blockers, unreadable) = laterInstallsWithoutUpdate()
                if let blocker = unreadable
                    ?? blockers.first(where: { !Self.canPrefixUpdate($0.install) })?.run
                    .instruction
                {
                    out.append(
                        Finding(
                            passID: Self.id, message: "apt package lists stay in this layer",
                            range: first.command.rangeIn(script),
                            notes: [
                                "not removed here: the RUN at line \(blocker.startLine) installs packages without running apt-get update itself, so it needs these lists; run apt-get update in that RUN, then whittle can clean both"
                            ], ruleCodes: rule.hadolintCode.map { [$0] } ?? []))
                    continue
                }
                for (run, install) in blockers {
                    guard let other = run.script else { continue }
                    updatesForLaterInstalls.append(
                        .insert("apt-get update && ", at: install.command.rangeIn(other).lowerBound))
                    laterLines.append(run.instruction.startLine)
                }
            }
            guard ScriptEdits.canAppend(to: script), case .append(let command) = rule.remedy(filling.last!)
            else { continue }
            var edits = [ScriptEdits.append(command, to: script, in: instruction, style: runStyle)]
            var notes: [String] = []
            var safety = FixSafety.safe
            if !updatesForLaterInstalls.isEmpty {
                edits += updatesForLaterInstalls
                safety = .unsafe
                let lines = laterLines.map(String.init).joined(separator: ", ")
                notes.append(
                    "the RUN\(laterLines.count > 1 ? "s at lines" : " at line") \(lines) installed from these lists without running apt-get update; \(laterLines.count > 1 ? "they get their own" : "it gets its own") (unsafe: fresh lists can bring newer package versions than the build had before)"
                )
            }
            if let (stray, range) = laterCleanupOnly(rule.family) {
                edits.append(.delete(range))
                notes.append(
                    "the cleanup at line \(stray.startLine) ran in a later layer, where it only hid the files; it moves here"
                )
            }
            if first.action == .update {
                notes.append(
                    "nothing in this RUN installs from them that whittle can see (a script it runs may); they are removed once the RUN is done"
                )
            }
            out.append(
                Finding(
                    passID: Self.id,
                    message: first.action == .update
                        ? "apt-get update leaves package lists in this layer"
                        : "\(first.manager.rawValue) leaves its cache in this layer",
                    range: first.command.rangeIn(script), notes: notes,
                    effect: Effect(
                        bytesSaved: rule.typicalBytes, note: rule.saving,
                        removedPaths: rule.cacheDirectories.map { $0 + "/" }),
                    fix: Fix(title: "Add `\(command)` to this RUN", safety: safety, edits: edits),
                    ruleCodes: rule.hadolintCode.map { [$0] } ?? []))
        }
        out += downloadFindings()
        if let f = unusedIndexUpdate() { out.append(f) }
        return out
    }

    /// The cleanups of a RUN's script, computed once per optimizer round.
    static func cleanups(of script: ShellScript, at instruction: Instruction) -> [CacheCleanup] {
        guard let cache = AnalysisCache.current else { return script.cacheCleanups }
        return cache.value("cleanups@\(instruction.range.lowerBound)") { script.cacheCleanups }
    }

    /// `--no-cache` / `--no-cache-dir` / `--no-document` on every command that lacks it.
    func optionFindings(_ rule: CacheCleanupRule, _ filling: [PackageManagerCommand]) -> [Finding] {
        var edits: [TextEdit] = []
        var option = ""
        for command in filling {
            guard case .option(let o) = rule.remedy(command), let word = ScriptEdits.subcommandWord(command)
            else { continue }
            option = o
            edits.append(ScriptEdits.insert(o, after: word, in: script))
        }
        guard let first = filling.first, !edits.isEmpty else { return [] }
        var notes: [String] = []
        if rule.family == .apk {
            // `apk update` before `apk add --no-cache` only adds a cached index to the layer; but
            // something after it may read that index from disk, and then it stays.
            let apk = script.packageManagerCommands.filter { $0.manager == .apk }
            let onlyAddAndDelete =
                apk.allSatisfy { [.update, .install, .upgrade, .remove].contains($0.action) }
                && !apkIndexNeededLater()
            let updateFirst = apk.contains {
                $0.action == .update && $0.command.range.upperBound <= first.command.range.lowerBound
            }
            if updateFirst && !onlyAddAndDelete {
                // The update's index stays on disk either way: `--no-cache` would change nothing.
                return [
                    Finding(
                        passID: Self.id, severity: .info, message: "the apk index stays in this layer",
                        range: first.command.rangeIn(script),
                        notes: [
                            "left alone: something after this `apk update` (an `apk upgrade`, `abuild`, or a later RUN that runs apk without fetching an index) reads the index from disk"
                        ], ruleCodes: rule.hadolintCode.map { [$0] } ?? [])
                ]
            }
            for update in apk where onlyAddAndDelete && update.action == .update {
                guard update.command.range.upperBound <= first.command.range.lowerBound,
                    let removal = ScriptEdits.removal(
                        of: update.command, in: script, instruction: instruction)
                else { continue }
                edits.append(removal)
                notes.append("`apk update` is dropped: `apk add --no-cache` fetches a fresh index itself")
            }
        }
        return [
            Finding(
                passID: Self.id,
                message:
                    "\(first.manager.rawValue) \(ScriptEdits.subcommandWord(first)?.literal ?? "install") keeps a cache in this layer",
                range: first.command.rangeIn(script), notes: notes,
                effect: Effect(note: rule.saving, removedPaths: rule.cacheDirectories.map { $0 + "/" }),
                fix: Fix(title: "Add \(option)", safety: .safe, edits: edits),
                ruleCodes: rule.hadolintCode.map { [$0] } ?? [])
        ]
    }

    /// `apk add -U x && rm -rf /var/cache/apk/*` -> `apk add --no-cache x`: the same layer, but
    /// the index is never written, and the form hadolint's DL3019 asks for. Only when nothing
    /// after the RUN's apk commands reads the index from disk (`apkIndexNeededLater`) and every
    /// removal of apk's cache comes after the last add; other paths the `rm` removes stay.
    func apkNoCacheInsteadOfRemoval(
        _ rule: CacheCleanupRule, _ filling: [PackageManagerCommand], _ cleanups: [CacheCleanup]
    ) -> Finding? {
        let apk = script.packageManagerCommands.filter { $0.manager == .apk }
        guard let last = filling.last,
            apk.allSatisfy({ [.update, .install, .upgrade, .remove].contains($0.action) }),
            !apkIndexNeededLater()
        else { return nil }
        let removals = cleanups.filter { $0.family == .apk }
        guard !removals.isEmpty else { return nil }
        var edits: [TextEdit] = []
        func isApkCache(_ word: Word) -> Bool {
            guard var path = word.literal else { return false }
            while path.hasSuffix("*") || path.hasSuffix("/") { path.removeLast() }
            return path == "/var/cache/apk" || path == "/etc/apk/cache"
        }
        for removal in removals {
            guard case .fileRemoval = removal.method,
                removal.command.range.lowerBound > last.command.range.upperBound,
                removal.command.baseName == "rm", removal.command.isTopLevel,
                let paths = removal.command.removal?.paths, !paths.isEmpty
            else { return nil }
            if paths.allSatisfy(isApkCache) {
                guard
                    let edit = ScriptEdits.removal(
                        of: removal.command, in: script, instruction: instruction, allowLast: true)
                else { return nil }
                edits.append(edit)
                continue
            }
            // `rm -rf /root/.cache/pip /var/cache/apk/*`: only apk's operands go, each with the
            // blank (or line continuation) before it.
            let words = removal.command.words
            for (k, word) in words.enumerated() where k > 0 && isApkCache(word) {
                guard paths.contains(where: { $0.range == word.range }) else { return nil }
                edits.append(
                    .delete(
                        script.source.sourceEnd(
                            ofLogical: words[k - 1].range.upperBound)..<script.source
                            .sourceEnd(ofLogical: word.range.upperBound)))
            }
        }
        // `-U` / `--update-cache` becomes `--no-cache`, which fetches a fresh index in memory.
        for command in filling {
            let updates = command.options.filter { ["-U", "--update", "--update-cache"].contains($0.name) }
            if let option = updates.first, updates.count == 1,
                script.text(option.range) == option.name
            {
                edits.append(
                    TextEdit(
                        range: script.source.sourceOffset(
                            ofLogical: option.range.lowerBound)..<script.source
                            .sourceEnd(ofLogical: option.range.upperBound),
                        replacement: "--no-cache"))
            } else if let word = ScriptEdits.subcommandWord(command) {
                edits.append(ScriptEdits.insert("--no-cache", after: word, in: script))
            } else {
                return nil
            }
        }
        var notes = ["the index apk writes is then never on disk, so the `rm` of its cache goes"]
        for update in apk where update.action == .update {
            guard update.command.range.upperBound <= filling[0].command.range.lowerBound,
                let removal = ScriptEdits.removal(of: update.command, in: script, instruction: instruction)
            else { return nil }
            edits.append(removal)
            notes.append("`apk update` is dropped: `apk add --no-cache` fetches a fresh index itself")
        }
        return Finding(
            passID: Self.id,
            message: "apk add writes an index that a later `rm` deletes: `--no-cache` does both",
            range: filling[0].command.rangeIn(script), notes: notes,
            effect: Effect(note: "the same image, one command fewer"),
            fix: Fix(title: "Use apk add --no-cache", safety: .safe, edits: edits),
            ruleCodes: rule.hadolintCode.map { [$0] } ?? [])
    }

    /// Whether something after this RUN's apk commands may read the index from disk, so that
    /// it must be written: `abuild` in this RUN (it installs dependencies with apk), a later RUN
    /// of the stage (or of a stage built FROM it) whose apk command does not fetch an index of
    /// its own (`--no-cache`, `-U`, an `apk update`), or one whittle cannot read that mentions
    /// apk.
    func apkIndexNeededLater() -> Bool {
        if script.commands.contains(where: { $0.baseName == "abuild" }) { return true }
        for other in later {
            guard let s = other.script, !s.isOpaque else {
                if other.instruction.arguments.contains("apk") { return true }
                continue
            }
            let apk = s.packageManagerCommands.filter { $0.manager == .apk }
            let updates = apk.contains { $0.action == .update }
            for command in apk where command.action != .update && command.action != .remove {
                let fetches = command.hasOption("--no-cache", "-U", "--update", "--update-cache")
                if !fetches && !updates { return true }
            }
            if s.commands.contains(where: { $0.baseName == "abuild" }) && !updates { return true }
        }
        return false
    }

    /// `ENV PIP_NO_CACHE_DIR` earlier in the stage or its parents: pip switches its cache off for
    /// any value, even "off" or "0".
    func pipCacheIsOff() -> Bool { environmentSets("PIP_NO_CACHE_DIR") }

    /// Whether an ENV of the stage (before this RUN) or of the stages it is built FROM sets `key`.
    func environmentSets(_ key: String) -> Bool {
        var current: Stage? = stage
        var limit = instruction.range.lowerBound
        while let s = current {
            for i in s.instructions where i.kind == .env && i.range.lowerBound < limit {
                if file.keyValues(of: i).contains(where: { $0.key == key }) { return true }
            }
            current = file.parentStage(of: s)
            limit = Int.max
        }
        return false
    }

    /// Whether this rule's cache mounts would cover the cache: root's folders.
    func mountsApply(_ rule: CacheCleanupRule) -> Bool {
        mounts && !rule.mounts.isEmpty && isRootUser()
    }

    /// Whether a `--mount=type=cache` or `type=tmpfs` of this RUN covers the manager's cache.
    func mountCovers(_ rule: CacheCleanupRule) -> Bool {
        for flag in instruction.flags(named: "mount") {
            let fields = (flag.value ?? "").split(separator: ",").map {
                $0.split(separator: "=", maxSplits: 1)
            }
            let type = fields.first { $0.first == "type" }?.last.map(String.init) ?? "bind"
            guard type == "cache" || type == "tmpfs" else { continue }
            guard
                let target = fields.first(where: {
                    ["target", "dst", "destination"].contains(String($0.first ?? ""))
                })?.last
            else { continue }
            let t = String(target).hasSuffix("/") ? String(target.dropLast()) : String(target)
            if rule.cacheDirectories.contains(where: { $0 == t || $0.hasPrefix(t + "/") }) { return true }
        }
        return false
    }

    /// A later RUN made only of cleanups of this family, and the range that deletes it.
    func laterCleanupOnly(_ family: PackageManagerFamily) -> (Instruction, Range<Int>)? {
        for other in later {
            guard let s = other.script, !s.isOpaque, !s.commands.isEmpty else { continue }
            let cleanups = Self.cleanups(of: s, at: other.instruction)
            guard cleanups.count == s.commands.count, cleanups.allSatisfy({ $0.family == family }) else {
                continue
            }
            guard other.instruction.flags.isEmpty, other.instruction.continuationComments.isEmpty else {
                return nil
            }
            return (other.instruction, other.instruction.range)
        }
        return nil
    }

    /// `RUN --mount=type=cache,...` instead of cleaning.
    func mountFinding(_ rule: CacheCleanupRule, _ first: PackageManagerCommand) -> Finding? {
        if !isRootUser() { return nil }
        let existing = Set(instruction.flags.map(\.text))
        let add = rule.mounts.filter { !existing.contains($0) }
        guard !add.isEmpty else { return nil }
        var edits = [
            TextEdit.insert(" " + add.joined(separator: " "), at: instruction.keywordSourceRange.upperBound)
        ]
        var notes = [
            "a cache mount keeps the cache on the builder between builds and out of the image (BuildKit only)"
        ]
        var safety = FixSafety.safe
        if rule.family == .apt {
            // Debian's docker-clean hook deletes downloaded packages, which would empty the mount.
            edits.append(
                .insert("rm -f /etc/apt/apt.conf.d/docker-clean && ", at: ScriptEdits.scriptStart(script)))
            notes.append(
                "unsafe: apt's docker-clean hook is removed so that downloaded packages stay in the cache mount; images built FROM this one keep .deb files unless they clean them"
            )
            safety = .unsafe
        }
        if file.directive("syntax") == nil {
            edits.append(
                .insert(
                    "# syntax=docker/dockerfile:1" + context.style.newline, at: file.hasByteOrderMark ? 3 : 0)
            )
        }
        return Finding(
            passID: Self.id,
            message:
                "\(first.manager.rawValue) fills a cache that a BuildKit cache mount can keep out of the image",
            range: first.command.rangeIn(script), notes: notes, effect: Effect(note: rule.saving),
            fix: Fix(title: "Mount the cache: \(add.joined(separator: " "))", safety: safety, edits: edits),
            ruleCodes: rule.hadolintCode.map { [$0] } ?? [])
    }

    /// The repository of the image the stage is built on, through `FROM <stage>` chains, with a
    /// Docker Hub `library/` prefix removed: `ruby` for `FROM docker.io/library/ruby:3.3`.
    func baseImageRepository() -> String? {
        var s = stage
        while let parent = file.parentStage(of: s) { s = parent }
        var image = file.resolvedBaseImage(of: s).value
        for prefix in ["docker.io/library/", "index.docker.io/library/", "library/"]
        where image.hasPrefix(prefix) {
            image.removeFirst(prefix.count)
        }
        if let at = image.firstIndex(of: "@") { image = String(image[..<at]) }
        if let colon = image.lastIndex(of: ":"), !image[colon...].contains("/") {
            image = String(image[..<colon])
        }
        return image.isEmpty ? nil : image
    }

    /// Whether the RUN runs as root (cache folders above are root's).
    func isRootUser() -> Bool {
        var current: Stage? = stage
        var limit = instruction.range.lowerBound
        while let s = current {
            if let user = s.instructions.last(where: { $0.kind == .user && $0.range.lowerBound < limit }) {
                let name = user.arguments.split(separator: ":").first.map(String.init) ?? ""
                return name == "root" || name == "0"
            }
            current = file.parentStage(of: s)
            limit = Int.max
        }
        return true
    }

    /// Archives downloaded and unpacked in this RUN and never removed.
    func downloadFindings() -> [Finding] {
        guard ScriptEdits.canAppend(to: script) else { return [] }
        let removed = script.removals.flatMap(\.literalPaths)
        /// Whether an `rm` already covers the path, literally or with a trailing glob (`rm -rf /tmp/*`).
        func isRemoved(_ path: String) -> Bool {
            removed.contains { r in
                if r == path { return true }
                if r.hasSuffix("*") { return path.hasPrefix(String(r.dropLast())) }
                return path.hasPrefix(r.hasSuffix("/") ? r : r + "/")
            }
        }
        var out: [Finding] = []
        for download in script.downloads {
            guard case .file(let reference) = download.output, let path = reference.path,
                !path.contains("$"), !isRemoved(path), !path.hasSuffix("/")
            else { continue }
            guard script.archiveExtractions.contains(where: { $0.archive?.path == path }) else { continue }
            // The archive must not be used after this RUN.
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let usedLater = file.instructions.contains {
                $0.range.lowerBound > instruction.range.lowerBound && $0.text.string.contains(name)
            }
            if usedLater { continue }
            let command = "rm -f \(path)"
            out.append(
                Finding(
                    passID: Self.id,
                    message: "the downloaded archive \(path) stays in this layer after it is unpacked",
                    range: download.command.rangeIn(script),
                    effect: Effect(note: "the archive's size", removedPaths: [path]),
                    fix: Fix(
                        title: "Add `\(command)` to this RUN", safety: .safe,
                        edits: [
                            ScriptEdits.append(command, to: script, in: instruction, style: runStyle)
                        ])))
        }
        return out
    }
}

extension SimpleCommand {
    /// The command's source range in the Dockerfile.
    func rangeIn(_ script: ShellScript) -> Range<Int> { script.sourceRange(of: range) }
}
