import Foundation

/// A container builder whittle can drive to build and inspect images: buildah, podman or docker.
/// Used by `whittle verify`.
struct ContainerBuilder {
    enum Kind: String, CaseIterable { case buildah, podman, docker }

    let kind: Kind
    let executable: String

    /// The first builder that is installed and answers (`auto`), or the named one.
    static func find(_ requested: String, environment: [String: String]) -> ContainerBuilder? {
        let kinds: [Kind] = requested == "auto" ? Kind.allCases : Kind(rawValue: requested).map { [$0] } ?? []
        for kind in kinds {
            guard let path = which(kind.rawValue, environment: environment) else { continue }
            let builder = ContainerBuilder(kind: kind, executable: path)
            // docker's client is often installed without an engine: ask the engine.
            let probe = builder.run(
                kind == .docker ? ["info", "--format", "{{.ServerVersion}}"] : ["version"])
            if probe.status == 0 { return builder }
        }
        return nil
    }

    static func which(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// Runs the builder with `arguments`, capturing its output.
    @discardableResult
    func run(_ arguments: [String]) -> Output {
        // Output goes to files, not pipes: a chatty build cannot fill a pipe and block.
        let base = NSTemporaryDirectory() + "whittle-run-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: base + ".out")
        process.standardError = FileHandle(forWritingAtPath: base + ".err")
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        do { try process.run() } catch {
            return Output(status: 127, stdout: "", stderr: "\(error)", seconds: 0)
        }
        process.waitUntilExit()
        let stdout = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let stderr = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }

    /// Builds `dockerfile` with `context` into `tag`. `useCache: false` builds cold but still
    /// stores the layers for a later rebuild.
    @discardableResult
    func build(dockerfile: String, context: String, tag: String, useCache: Bool) -> Output {
        var args = ["build", "-f", dockerfile, "-t", tag]
        switch kind {
        case .buildah:
            args += ["--layers", "--pull=never", "--format", "docker", "--isolation", "chroot"]
        case .podman:
            args += ["--layers", "--pull=never", "--format", "docker"]
        case .docker:
            break
        }
        if !useCache { args.append("--no-cache") }
        args.append(context)
        return run(args)
    }

    /// The number of layers of an image.
    func layerCount(_ image: String) -> Int? {
        let format = kind == .docker ? "{{len .RootFS.Layers}}" : "{{len .RootFS.Layers}}"
        let args =
            kind == .buildah
            ? ["inspect", "--type", "image", "--format", "{{len .Docker.RootFS.DiffIDs}}", image]
            : ["image", "inspect", "--format", format, image]
        let out = run(args)
        return out.status == 0 ? Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
    }

    /// The image's size: the sum of its layers (uncompressed), which is what a push or pull
    /// moves, whiteouts included.
    func imageSize(_ image: String) -> Int? {
        switch kind {
        case .buildah:
            let out = run(["inspect", "--type", "image", image])
            guard out.status == 0,
                let object = try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any],
                let manifest = object["Manifest"] as? String,
                let parsed = try? JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any],
                let layers = parsed["layers"] as? [[String: Any]]
            else { return nil }
            return layers.compactMap { ($0["size"] as? NSNumber)?.intValue }.reduce(0, +)
        case .podman, .docker:
            let out = run(["image", "inspect", "--format", "{{.Size}}", image])
            return out.status == 0 ? Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        }
    }

    /// The image's files: path → size (regular files) or -1 (folders, links, others). Reads the
    /// image's file system through a mount (buildah, podman) or an export (docker).
    func files(_ image: String) -> [String: Int]? {
        switch kind {
        case .buildah, .podman:
            let create = kind == .buildah ? run(["from", "--pull=never", image]) : run(["create", image])
            guard create.status == 0 else { return nil }
            let container = create.stdout.split(separator: "\n").last.map(String.init) ?? ""
            defer { run(kind == .buildah ? ["rm", container] : ["rm", "-f", container]) }
            let mount = run(["mount", container])
            guard mount.status == 0 else { return nil }
            let root = mount.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            defer { run(["umount", container]) }
            return Self.walk(root)
        case .docker:
            let create = run(["create", image])
            guard create.status == 0 else { return nil }
            let container = create.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            defer { run(["rm", "-f", container]) }
            let folder = NSTemporaryDirectory() + "whittle-export-\(UUID().uuidString)"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let tar = folder + "/fs.tar"
            guard run(["export", "-o", tar, container]).status == 0 else { return nil }
            let list = Process()
            list.executableURL = URL(fileURLWithPath: "/bin/tar")
            list.arguments = ["-tvf", tar]
            let pipe = Pipe()
            list.standardOutput = pipe
            try? list.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            list.waitUntilExit()
            var files: [String: Int] = [:]
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 6 else { continue }
                let name =
                    fields[5...].joined(separator: " ").split(separator: " -> ").first.map(String.init) ?? ""
                let path = "/" + name.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                files[path] = line.hasPrefix("-") ? Int(fields[2]) ?? 0 : -1
            }
            return files
        }
    }

    /// Every path under `root`, relative to it with a leading `/`.
    static func walk(_ root: String) -> [String: Int] {
        var files: [String: Int] = [:]
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: root) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes
            let type = attributes?[.type] as? FileAttributeType
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            files["/" + relative] = type == .typeRegular ? size : -1
        }
        return files
    }

    /// Runs `command` in a new container of `image`; returns its output and status.
    func smoke(_ image: String, command: [String]) -> Output {
        switch kind {
        case .buildah:
            let create = run(["from", "--pull=never", image])
            guard create.status == 0 else { return create }
            let container = create.stdout.split(separator: "\n").last.map(String.init) ?? ""
            defer { run(["rm", container]) }
            return run(["run", "--isolation", "chroot", container, "--"] + command)
        case .podman, .docker:
            return run(["run", "--rm", image] + command)
        }
    }

    /// The ids of every image in the builder's store, intermediate ones included; nil when the
    /// builder cannot list them.
    func imageIDs() -> Set<String>? {
        let out = run(
            kind == .docker
                ? ["image", "ls", "-a", "-q", "--no-trunc"] : ["images", "-a", "-q", "--no-trunc"])
        guard out.status == 0 else { return nil }
        return Set(out.stdout.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty })
    }

    /// Removes images by id (forced: an intermediate image may be the parent of another).
    func remove(ids: Set<String>) {
        guard !ids.isEmpty else { return }
        run((kind == .buildah ? ["rmi", "-f"] : ["image", "rm", "-f"]) + ids.sorted())
    }

    func remove(_ image: String) {
        run(kind == .buildah ? ["rmi", "-f", image] : ["image", "rm", "-f", image])
    }
}
