import WhittleEngine
import WhittleShell
import WhittleSyntax

/// Which stages build on which, and which files each stage's filesystem gives to others
/// (`COPY --from`, `RUN --mount=from`): computed once per file.
struct StageLineage {
    /// For each stage index, the stages built FROM it, directly or not.
    let descendants: [Int: [Int]]
    /// For each stage index, the paths copied out of it or out of a stage built FROM it.
    let copied: [Int: [BuilderStageCaches.CopiedPath]]

    init(_ file: Dockerfile) {
        var parent: [Int: Int] = [:]
        for stage in file.stages {
            if let p = file.parentStage(of: stage) { parent[stage.index] = p.index }
        }
        var descendants: [Int: [Int]] = [:]
        for stage in file.stages {
            var seen: Set<Int> = [stage.index]
            var current = parent[stage.index]
            while let p = current, seen.insert(p).inserted {
                descendants[p, default: []].append(stage.index)
                current = parent[p]
            }
        }
        self.descendants = descendants
        // Stage names and indexes as COPY --from and RUN --mount=from spell them.
        var stageByName: [String: Int] = [:]
        for stage in file.stages {
            stageByName[String(stage.index)] = stage.index
            if let alias = stage.alias { stageByName[alias.lowercased()] = stage.index }
        }
        var direct: [Int: [BuilderStageCaches.CopiedPath]] = [:]
        for instruction in file.instructions {
            switch instruction.kind {
            case .run:
                // `RUN --mount=type=bind,from=<stage>,source=PATH` reads the stage's files as well.
                for mount in instruction.flags(named: "mount") {
                    var fields: [String: String] = [:]
                    for field in (mount.value ?? "").split(separator: ",") {
                        let pair = field.split(separator: "=", maxSplits: 1).map(String.init)
                        fields[pair[0].lowercased()] = pair.count > 1 ? pair[1] : ""
                    }
                    guard let from = fields["from"], let index = stageByName[from.lowercased()] else {
                        continue
                    }
                    let source = fields["source"] ?? fields["src"] ?? "/"
                    direct[index, default: []].append(
                        .init(path: source.hasPrefix("/") ? source : "/" + source, instruction: instruction))
                }
            case .copy:
                guard let from = instruction.flag("from")?.value, let index = stageByName[from.lowercased()]
                else { continue }
                for source in instruction.value.dropLast() {
                    var path = source.hasPrefix("/") ? source : "/" + source
                    while path.hasSuffix("/*") || path.hasSuffix("/.") { path.removeLast(2) }
                    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
                    if path == "/." { path = "/" }
                    direct[index, default: []].append(.init(path: path, instruction: instruction))
                }
            default:
                break
            }
        }
        // A stage gives its files to every copy out of it or out of a stage built FROM it.
        var copied: [Int: [BuilderStageCaches.CopiedPath]] = [:]
        for stage in file.stages {
            let sources = [stage.index] + (descendants[stage.index] ?? [])
            let paths = sources.flatMap { direct[$0] ?? [] }
            if !paths.isEmpty { copied[stage.index] = paths }
        }
        self.copied = copied
    }

    /// The stages that end up in an image of their own when built with `docker build --target`:
    /// every stage but the last that no stage is built FROM and nothing is copied out of (BuildKit
    /// builds such a stage only when it is the target), with the stages it is built FROM. Maps
    /// each of those stages to its target (the first, when several targets share a parent).
    func targetImages(_ file: Dockerfile) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for stage in file.stages.dropLast()
        where (descendants[stage.index] ?? []).isEmpty && (copied[stage.index] ?? []).isEmpty {
            var current: Stage? = stage
            while let s = current, out[s.index] == nil {
                out[s.index] = stage.index
                current = file.parentStage(of: s)
            }
        }
        return out
    }
}

/// clean-package-cache in a builder stage whose files another stage copies: its caches reach
/// an image only when the copy takes them along; otherwise the saving is in the build cache.
struct BuilderStageCaches {
    let file: Dockerfile
    let stage: Stage

    /// A path copied out of this stage (or a stage built FROM it) with `COPY --from`.
    struct CopiedPath {
        let path: String
        let instruction: Instruction
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
}
