import WhittleEngine
import WhittleShell
import WhittleSyntax

/// clean-package-cache in the stages that are not part of the final image: their caches matter
/// only when a `COPY --from` takes them along; otherwise whittle says why it leaves them.
struct BuilderStageCaches {
    let file: Dockerfile
    let stage: Stage

    /// A path copied out of this stage (or a stage built FROM it) with `COPY --from`.
    struct CopiedPath {
        let path: String
        let instruction: Instruction
    }

    /// The paths other stages copy out of this stage's filesystem: `COPY --from=<this stage>`,
    /// `COPY --from=<a stage built FROM this one>` and `RUN --mount=from=...`, as absolute paths
    /// without a trailing `/`.
    var copiedPaths: [CopiedPath] {
        var names: Set<String> = []
        for other in file.stages {
            var s: Stage? = other
            while let current = s {
                if current.index == stage.index {
                    names.insert(String(other.index))
                    if let alias = other.alias { names.insert(alias.lowercased()) }
                    break
                }
                s = file.parentStage(of: current)
            }
        }
        var out: [CopiedPath] = []
        // `RUN --mount=type=bind,from=<stage>,source=PATH` reads the stage's files as well.
        for instruction in file.instructions where instruction.kind == .run {
            for mount in instruction.flags(named: "mount") {
                var fields: [String: String] = [:]
                for field in (mount.value ?? "").split(separator: ",") {
                    let pair = field.split(separator: "=", maxSplits: 1).map(String.init)
                    fields[pair[0].lowercased()] = pair.count > 1 ? pair[1] : ""
                }
                guard let from = fields["from"], names.contains(from.lowercased()) else { continue }
                let source = fields["source"] ?? fields["src"] ?? "/"
                out.append(
                    CopiedPath(path: source.hasPrefix("/") ? source : "/" + source, instruction: instruction))
            }
        }
        for instruction in file.instructions where instruction.kind == .copy {
            guard let from = instruction.flag("from")?.value, names.contains(from.lowercased()) else {
                continue
            }
            for source in instruction.value.dropLast() {
                var path = source.hasPrefix("/") ? source : "/" + source
                while path.hasSuffix("/*") || path.hasSuffix("/.") { path.removeLast(2) }
                while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
                if path == "/." { path = "/" }
                out.append(CopiedPath(path: path, instruction: instruction))
            }
        }
        return out
    }

    /// Whether a copied path takes a cache folder along (`COPY --from=build / /`,
    /// `COPY --from=build /root /root`).
    func copiesCache(_ copied: [CopiedPath]) -> Bool {
        let folders = CacheCleanupRule.all.flatMap(\.cacheDirectories)
        return copied.contains { c in
            c.path.contains("*") || c.path.contains("$")
                || folders.contains { $0 == c.path || $0.hasPrefix(c.path == "/" ? "/" : c.path + "/") }
        }
    }

    var stageName: String { stage.alias.map { "`\($0)`" } ?? "\(stage.index)" }

    /// The note for a finding in a stage whose files are copied later, but not its cache.
    func copiedStageNote(_ copied: [CopiedPath]) -> String {
        let shown = copied.prefix(3).map { "\($0.path) (line \($0.instruction.startLine))" }
        return
            "stage \(stageName) is not the final image, which takes only \(shown.joined(separator: ", "))\(copied.count > 3 ? ", ..." : "") from it: the cache does not reach the image, but it weighs in this stage's layers, which the build cache keeps and `--cache-to type=registry,mode=max` exports"
    }

    /// One informational finding per RUN that fills a cache, saying why it is left alone (the
    /// stage's files are never copied).
    func notes(_ copied: [CopiedPath]) -> [Finding] {
        var out: [Finding] = []
        let why =
            "no COPY --from takes files from stage \(stageName), so cleaning it would not change the image"
        for instruction in stage.instructions where instruction.kind == .run {
            let run = RunScript.cached(instruction, in: file)
            guard run.form == .shell || run.form == .heredoc, let script = run.script, !script.isOpaque else {
                continue
            }
            let commands = script.packageManagerCommands
            let cleaned = Set(CacheCleaner.cleanups(of: script, at: instruction).map(\.family))
            for rule in CacheCleanupRule.all where !cleaned.contains(rule.family) {
                guard
                    let first = commands.first(where: { $0.manager.family == rule.family && rule.fills($0) })
                else { continue }
                if rule.family == .apt
                    && !commands.contains(where: { $0.manager.family == .apt && $0.action == .update })
                {
                    continue
                }
                out.append(
                    Finding(
                        passID: CleanPackageCachePass.id, severity: .info,
                        message:
                            "\(first.manager.rawValue) leaves its cache in a stage the final image does not include",
                        range: first.command.rangeIn(script), notes: [why]))
                break
            }
        }
        return out
    }
}
