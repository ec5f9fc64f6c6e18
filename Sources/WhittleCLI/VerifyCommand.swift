import Foundation
import WhittleEngine
import WhittlePasses
import WhittleSyntax

/// `whittle verify PATH [--context DIR] [--builder auto|buildah|podman|docker] [--smoke CMD]
/// [--rebuild] [--touch FILE] [--unsafe-fixes] [--format text|json] [--keep-images]`: builds the
/// file as it is and as whittle would rewrite it, and reports both side by side.
struct VerifyCommand {
    static let usage =
        "whittle verify PATH [--context DIR] [--builder auto|buildah|podman|docker] [--smoke CMD] [--rebuild] [--touch FILE] [--unsafe-fixes] [--format text|json]"

    /// Folders whose loss is intended (caches): never reported as missing.
    static let cacheFolders = [
        "/var/lib/apt/lists/", "/var/cache/apt/", "/var/cache/apk/", "/var/cache/dnf/", "/var/cache/yum/",
        "/var/cache/zypp/", "/root/.cache/", "/root/.npm/", "/usr/local/share/.cache/", "/root/.gem/",
        "/opt/conda/pkgs/",
        "/tmp/", "/var/tmp/", "/var/log/", "/var/cache/debconf/", "/var/cache/ldconfig/",
    ]

    var path = ""
    var contextDir: String? = nil
    var builder = "auto"
    var smoke: [String]? = nil
    var rebuild = false
    var touch: String? = nil
    var unsafeFixes = false
    var json = false
    var keepImages = false

    init(arguments: [String]) throws {
        var cursor = ArgumentCursor(arguments, usage: Self.usage)
        var paths: [String] = []
        while let item = cursor.next() {
            guard case .option(let a) = item else {
                if case .path(let p) = item { paths.append(p) }
                continue
            }
            func value(_ name: String) throws -> String { try cursor.value(of: name) }
            switch a {
            case "--context": contextDir = try value(a)
            case "--builder":
                builder = try value(a)
                guard builder == "auto" || ContainerBuilder.Kind(rawValue: builder) != nil else {
                    throw UsageError(
                        "unknown builder '\(builder)' (choose auto, buildah, podman or docker)",
                        usage: Self.usage)
                }
            case "--smoke": smoke = try value(a).split(separator: " ").map(String.init)
            case "--rebuild": rebuild = true
            case "--touch":
                touch = try value(a)
                rebuild = true
            case "--unsafe-fixes": unsafeFixes = true
            case "--keep-images": keepImages = true
            case "--format":
                let f = try value(a)
                guard f == "text" || f == "json" else {
                    throw UsageError("--format takes text or json", usage: Self.usage)
                }
                json = f == "json"
            case "-h", "--help":
                throw HelpRequest(
                    text:
                        "Usage: \(Self.usage)\n\nBuilds the Dockerfile as it is and as whittle rewrites it, and compares success, size, layers, build time, rebuild time (--rebuild) and the files of the two images.\n"
                )
            default:
                throw UsageError("unknown option '\(a)' for verify", usage: Self.usage)
            }
        }
        guard paths.count == 1 else { throw UsageError("verify takes one Dockerfile", usage: Self.usage) }
        path = paths[0]
    }

    struct BuildResult {
        var succeeded = false
        var seconds = 0.0
        var rebuildSeconds: Double? = nil
        /// The sum of the image's layers.
        var size: Int? = nil
        /// The size of the files of its final file system.
        var filesystemSize: Int? = nil
        var layers: Int? = nil
        var smokeOutput: String? = nil
        var smokeStatus: Int32? = nil
        var log = ""
        var files: [String: Int] = [:]
    }

    func run(io: ProcessIO) -> Int32 {
        let input: InputFile
        switch InputFile.read(path: path, io: io) {
        case .success(let f): input = f
        case .failure(let problem):
            io.err(problem.line + "\n")
            return ExitCode.inputError
        }
        let file: Dockerfile
        switch input.parseStrict() {
        case .success(let f): file = f
        case .failure(let problem):
            io.err(problem.line + "\n")
            return ExitCode.inputError
        }
        let folder = (path as NSString).deletingLastPathComponent
        let context = contextDir ?? (folder.isEmpty ? "." : folder)
        var configuration = Configuration()
        if let found = Configuration.discover(from: io.currentDirectory),
            let loaded = try? Configuration.load(path: found)
        {
            configuration = loaded
        }
        if unsafeFixes { configuration.unsafeFixes = true }
        let result = Optimizer(passes: PassCatalog.all, configuration: configuration)
            .run(file, path: path, buildContext: BuildContext(directory: context))
        guard result.changed else {
            io.out(
                json
                    ? JSONValue.object([("changed", .bool(false))]).pretty() + "\n"
                    : "whittle would not change \(path): nothing to verify.\n")
            return ExitCode.success
        }
        guard let builder = ContainerBuilder.find(builder, environment: io.environment) else {
            io.err(
                "\(path):1:1: error: no container builder found (tried \(self.builder == "auto" ? "buildah, podman, docker" : self.builder)); install buildah or podman, or start a Docker engine\n"
            )
            return ExitCode.inputError
        }
        // Work on a copy of the context, so that --rebuild can edit a source file safely.
        let work = NSTemporaryDirectory() + "whittle-verify-\(UUID().uuidString)"
        let workContext = work + "/context"
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: context, toPath: workContext)
        } catch {
            io.err(
                "\(path):1:1: error: cannot copy the build context \(context): \(error.localizedDescription)\n"
            )
            return ExitCode.inputError
        }
        defer { try? FileManager.default.removeItem(atPath: work) }
        let originalFile = work + "/Dockerfile.original"
        let rewrittenFile = work + "/Dockerfile.whittle"
        guard FileManager.default.createFile(atPath: originalFile, contents: Data(input.bytes)),
            FileManager.default.createFile(atPath: rewrittenFile, contents: Data(result.output))
        else {
            io.err("\(path):1:1: error: cannot write the Dockerfiles to build into \(work)\n")
            return ExitCode.inputError
        }
        let id = UUID().uuidString.prefix(8).lowercased()
        let tags = ("localhost/whittle-verify/original:\(id)", "localhost/whittle-verify/rewritten:\(id)")
        // Every image the builds add (the two tags and the intermediate layers' images) goes
        // afterwards; images that were there before are never touched.
        let imagesBefore = builder.imageIDs()
        defer {
            if !keepImages {
                builder.remove(tags.0)
                builder.remove(tags.1)
                if let before = imagesBefore, let after = builder.imageIDs() {
                    builder.remove(ids: after.subtracting(before))
                }
            }
        }
        if !json { io.err("whittle verify: building with \(builder.kind.rawValue)...\n") }
        var original = build(builder, originalFile, workContext, tags.0)
        var rewritten = build(builder, rewrittenFile, workContext, tags.1)
        var touched: String? = nil
        if rebuild, original.succeeded || rewritten.succeeded {
            // Layers of a --no-cache build are not offered as cache: seed the cache with one
            // ordinary build of each (not timed), then edit a source file and time the rebuild.
            if original.succeeded {
                builder.build(dockerfile: originalFile, context: workContext, tag: tags.0, useCache: true)
            }
            if rewritten.succeeded {
                builder.build(dockerfile: rewrittenFile, context: workContext, tag: tags.1, useCache: true)
            }
            touched = touchSource(in: workContext)
            if touched != nil {
                if original.succeeded {
                    original.rebuildSeconds =
                        builder.build(
                            dockerfile: originalFile, context: workContext, tag: tags.0, useCache: true
                        ).seconds
                }
                if rewritten.succeeded {
                    rewritten.rebuildSeconds =
                        builder.build(
                            dockerfile: rewrittenFile, context: workContext, tag: tags.1, useCache: true
                        ).seconds
                }
            }
        }
        // Files the original image has and the rewritten one lacks, except caches and the paths
        // the applied fixes remove on purpose.
        let intended = result.applied.flatMap { $0.effect?.removedPaths ?? [] }
        var missing: [String] = []
        if original.succeeded && rewritten.succeeded {
            for path in original.files.keys.sorted() where rewritten.files[path] == nil {
                if Self.cacheFolders.contains(where: { path.hasPrefix($0) || path + "/" == $0 }) { continue }
                if intended.contains(where: { removed in
                    removed.hasPrefix("/")
                        ? path == removed || path.hasPrefix(removed.hasSuffix("/") ? removed : removed + "/")
                            || path + "/" == removed
                        : path.hasSuffix("/" + removed)
                }) {
                    continue
                }
                missing.append(path)
            }
        }
        let failed = !verified(original, rewritten, missing)
        if json {
            io.out(report(original, rewritten, missing, builder, result, touched).pretty() + "\n")
        } else {
            io.out(text(original, rewritten, missing, builder, result, touched))
        }
        return failed ? ExitCode.changesPending : ExitCode.success
    }

    /// The rewritten file builds, its smoke test passes wherever the original's did, and it lost
    /// no file that no fix accounts for.
    private func verified(_ o: BuildResult, _ n: BuildResult, _ missing: [String]) -> Bool {
        n.succeeded && missing.isEmpty && !(smoke != nil && o.smokeStatus == 0 && n.smokeStatus != 0)
    }

    private func build(_ builder: ContainerBuilder, _ dockerfile: String, _ context: String, _ tag: String)
        -> BuildResult
    {
        var r = BuildResult()
        let out = builder.build(dockerfile: dockerfile, context: context, tag: tag, useCache: false)
        r.seconds = out.seconds
        r.succeeded = out.status == 0
        r.log = String((out.stdout + out.stderr).suffix(4000))
        guard r.succeeded else { return r }
        r.layers = builder.layerCount(tag)
        r.files = builder.files(tag) ?? [:]
        r.filesystemSize = r.files.values.filter { $0 > 0 }.reduce(0, +)
        r.size = builder.imageSize(tag)
        if let smoke {
            let s = builder.smoke(tag, command: smoke)
            r.smokeStatus = s.status
            r.smokeOutput = String((s.stdout + s.stderr).suffix(2000))
        }
        return r
    }

    /// Appends a newline to one source file of the build context; returns its relative path.
    private func touchSource(in context: String) -> String? {
        var candidate = touch
        if candidate == nil {
            let preferred = [
                "py", "go", "c", "cc", "cpp", "js", "ts", "rb", "java", "rs", "cs", "php", "sh", "html",
                "txt",
            ]
            let manifests: Set<String> = [
                "requirements.txt", "go.mod", "go.sum", "package.json", "Cargo.toml", "Gemfile",
            ]
            let files = (FileManager.default.enumerator(atPath: context)?.allObjects as? [String] ?? [])
                .sorted()
            candidate =
                preferred.lazy.compactMap { ext in
                    files.first { f in
                        (f as NSString).pathExtension == ext
                            && !manifests.contains((f as NSString).lastPathComponent)
                            && !f.hasPrefix(".")
                    }
                }.first
        }
        guard let relative = candidate, let handle = FileHandle(forWritingAtPath: context + "/" + relative)
        else { return nil }
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try? handle.close()
        return relative
    }

    private func describe(_ r: BuildResult) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("succeeded", .bool(r.succeeded)), ("build_seconds", .double((r.seconds * 10).rounded() / 10)),
        ]
        members.append(
            ("rebuild_seconds", r.rebuildSeconds.map { .double(($0 * 10).rounded() / 10) } ?? .null))
        members.append(("size_bytes", r.size.map { .int($0) } ?? .null))
        members.append(("filesystem_bytes", r.filesystemSize.map { .int($0) } ?? .null))
        members.append(("layers", r.layers.map { .int($0) } ?? .null))
        members.append(("files", .int(r.files.count)))
        if smoke != nil {
            members.append(("smoke_status", r.smokeStatus.map { .int(Int($0)) } ?? .null))
            members.append(("smoke_output", r.smokeOutput.map { .string($0) } ?? .null))
        }
        if !r.succeeded { members.append(("log_tail", .string(r.log))) }
        return members
    }

    private func report(
        _ o: BuildResult, _ n: BuildResult, _ missing: [String], _ builder: ContainerBuilder,
        _ result: OptimizationResult,
        _ touched: String?
    ) -> JSONValue {
        .object([
            ("file", .string(path)),
            ("builder", .string(builder.kind.rawValue)),
            ("changed", .bool(true)),
            (
                "applied",
                .array(result.applied.map { .string("\($0.passID): \($0.fix?.title ?? $0.message)") })
            ),
            ("original", .object(describe(o))),
            ("rewritten", .object(describe(n))),
            ("touched_for_rebuild", touched.map { .string($0) } ?? .null),
            ("missing_files", .array(missing.prefix(200).map { .string($0) })),
            ("missing_count", .int(missing.count)),
            ("verified", .bool(verified(o, n, missing))),
        ])
    }

    private func text(
        _ o: BuildResult, _ n: BuildResult, _ missing: [String], _ builder: ContainerBuilder,
        _ result: OptimizationResult,
        _ touched: String?
    ) -> String {
        func mb(_ b: Int?) -> String { b.map { String(format: "%.1f MB", Double($0) / 1_000_000) } ?? "-" }
        func s(_ t: Double?) -> String { t.map { String(format: "%.1f s", $0) } ?? "-" }
        var out =
            "whittle verify \(path) (\(builder.kind.rawValue), \(result.applied.count) fix\(result.applied.count == 1 ? "" : "es") applied)\n\n"
        func status(_ ok: Bool) -> String { ok ? "ok" : "FAILED" }
        func count(_ n: Int?) -> String { n.map { String($0) } ?? "-" }
        let rebuildLabel: String = touched.map { "rebuild (\($0) edited)" } ?? "rebuild"
        var rows: [(String, String, String)] = []
        rows.append(("build", status(o.succeeded), status(n.succeeded)))
        rows.append(("image size (layers)", mb(o.size), mb(n.size)))
        rows.append(("final file system", mb(o.filesystemSize), mb(n.filesystemSize)))
        rows.append(("layers", count(o.layers), count(n.layers)))
        rows.append(("cold build", s(o.seconds), s(n.seconds)))
        rows.append((rebuildLabel, s(o.rebuildSeconds), s(n.rebuildSeconds)))
        if smoke != nil {
            rows.append(("smoke test", status(o.smokeStatus == 0), status(n.smokeStatus == 0)))
        }
        let width = rows.map { $0.0.count }.max() ?? 10
        out += "  " + "".padding(width) + "  " + "original".padding(14) + "rewritten\n"
        for (label, a, b) in rows { out += "  " + label.padding(width) + "  " + a.padding(14) + b + "\n" }
        if !n.succeeded { out += "\nThe rewritten file does not build:\n" + n.log + "\n" }
        if !missing.isEmpty {
            out +=
                "\n\(missing.count) file\(missing.count == 1 ? "" : "s") of the original image missing from the rewritten one:\n"
            for p in missing.prefix(20) { out += "  \(p)\n" }
            if missing.count > 20 { out += "  ... \(missing.count - 20) more\n" }
        }
        out +=
            verified(o, n, missing)
            ? "\nverified: the rewritten file builds and keeps every file that no fix removes on purpose.\n"
            : "\nNOT verified.\n"
        return out
    }
}
