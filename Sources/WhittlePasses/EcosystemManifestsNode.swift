import Foundation

extension EcosystemManifests {
    // MARK: - Node.js

    static let nodeHooks = ["preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare"]

    static func node(_ ecosystem: Ecosystem, project: String, runsScripts: Bool, files: ContextFiles)
        -> ManifestScan
    {
        var scan = ManifestScan()
        guard let text = required("package.json", in: project, &scan, files) else { return scan }
        guard let root = json(text) else {
            scan.block("\(p(project, "package.json")) is not valid JSON")
            return scan
        }
        switch ecosystem {
        case .npm:
            optional(["package-lock.json", "npm-shrinkwrap.json", ".npmrc"], in: project, &scan, files)
        case .yarn:
            optional(["yarn.lock", ".yarnrc", ".yarnrc.yml", ".npmrc"], in: project, &scan, files)
            for folder in [".yarn/releases", ".yarn/plugins", ".yarn/patches", ".yarn/cache"]
            where files.isDirectory(p(project, folder)) {
                scan.addFolder(p(project, folder))
            }
        default:
            optional(
                ["pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", ".pnpmfile.cjs"], in: project, &scan,
                files)
        }
        // Workspace members.
        var patterns: [String]? = nil
        if ecosystem == .pnpm {
            if let yaml = files.text(p(project, "pnpm-workspace.yaml")) {
                switch pnpmWorkspacePackages(yaml) {
                case .success(let list): patterns = list
                case .failure(let reason):
                    scan.block(reason)
                    return scan
                }
            }
        } else if let workspaces = root["workspaces"] {
            if let list = workspaces as? [String] {
                patterns = list
            } else if let object = workspaces as? [String: Any], let list = object["packages"] as? [String] {
                patterns = list
            } else {
                scan.block("the `workspaces` field of package.json is not a list of folders whittle can read")
                return scan
            }
        }
        var members: [String] = []
        if let patterns {
            switch expandWorkspaces(patterns, in: project, negation: ecosystem == .pnpm, files: files) {
            case .success(let found): members = found
            case .failure(let reason):
                scan.block(reason)
                return scan
            }
        }
        var manifests: [(String, [String: Any])] = [(project, root)]
        for member in members {
            let path = p(member, "package.json")
            guard let text = files.text(path), let object = json(text) else {
                scan.block("\(path) cannot be read")
                return scan
            }
            scan.add(path)
            manifests.append((member, object))
        }
        if !members.isEmpty {
            scan.notes.append(
                "workspace members, each with its package.json: "
                    + members.map { ContextPath.relative($0, to: project) ?? $0 }.joined(separator: ", "))
        }
        scan.projectFolders = [project] + members
        for (folder, object) in manifests {
            let where_ = p(folder, "package.json")
            if runsScripts {
                let scripts = object["scripts"] as? [String: Any] ?? [:]
                for hook in nodeHooks where scripts[hook] != nil {
                    scan.block(
                        "\(where_) has a `\(hook)` script, which runs during the install and may need the source (`--ignore-scripts` would also skip every dependency's own scripts)"
                    )
                }
                if files.existsOnDisk(p(folder, "binding.gyp")) {
                    scan.block(
                        "\(p(folder, "binding.gyp")) makes the install build a native addon from the source")
                }
            }
            for key in [
                "dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "resolutions",
                "overrides",
            ] {
                for spec in strings(in: object[key]) {
                    if isLocalNodeSpec(spec) {
                        scan.block(
                            "\(where_) depends on the local path `\(spec)`, which arrives with the source")
                    } else if spec.hasPrefix("patch:") && !files.isDirectory(p(project, ".yarn/patches")) {
                        scan.block("\(where_) uses the patch `\(spec)`, which is not in .yarn/patches")
                    }
                }
            }
            if ecosystem == .pnpm, let pnpm = object["pnpm"] as? [String: Any],
                let patched = pnpm["patchedDependencies"] as? [String: Any]
            {
                for case let file as String in patched.values {
                    guard let path = ContextPath.normalize(p(folder, file)), files.isFile(path) else {
                        scan.block("the patch file \(file) named in \(where_) is not in the build context")
                        continue
                    }
                    scan.add(path)
                }
            }
        }
        return scan
    }

    /// Every string value in a JSON value, nested objects included.
    static func strings(in value: Any?) -> [String] {
        switch value {
        case let s as String: return [s]
        case let object as [String: Any]: return object.keys.sorted().flatMap { strings(in: object[$0]) }
        case let array as [Any]: return array.flatMap { strings(in: $0) }
        default: return []
        }
    }

    static func isLocalNodeSpec(_ spec: String) -> Bool {
        for prefix in ["file:", "link:", "portal:", "./", "../", "/", "~/"] where spec.hasPrefix(prefix) {
            return true
        }
        return false
    }

    /// The `packages` list of pnpm-workspace.yaml.
    static func pnpmWorkspacePackages(_ text: String) -> Result<[String], ReasonError> {
        var lines = text.components(separatedBy: "\n").map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : $0
        }
        lines = lines.map { line in
            // Drop comments that start a word.
            if let hash = line.range(of: " #") { return String(line[..<hash.lowerBound]) }
            return line.hasPrefix("#") ? "" : line
        }
        var result: [String]? = nil
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            if line.hasPrefix("patchedDependencies:") {
                return .failure(
                    ReasonError("pnpm-workspace.yaml patches dependencies with files whittle does not follow")
                )
            }
            guard line.hasPrefix("packages:") else { continue }
            let rest = line.dropFirst("packages:".count).trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("[") && rest.hasSuffix("]") {
                result = rest.dropFirst().dropLast().split(separator: ",").map { unquote(String($0)) }.filter
                {
                    !$0.isEmpty
                }
                continue
            }
            guard rest.isEmpty else {
                return .failure(
                    ReasonError("the `packages` list of pnpm-workspace.yaml is not one whittle can read"))
            }
            var items: [String] = []
            while i < lines.count {
                let item = lines[i]
                let trimmed = item.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    i += 1
                    continue
                }
                if !item.hasPrefix(" ") && !item.hasPrefix("\t") && !item.hasPrefix("-") { break }
                guard trimmed.hasPrefix("- ") || trimmed == "-" else {
                    return .failure(
                        ReasonError("the `packages` list of pnpm-workspace.yaml is not one whittle can read"))
                }
                items.append(unquote(String(trimmed.dropFirst(1))))
                i += 1
            }
            result = items
        }
        guard let result else {
            return .failure(
                ReasonError(
                    "pnpm-workspace.yaml has no `packages` list, so every folder below may be a member"))
        }
        return .success(result)
    }

    /// Workspace folders matched by `patterns` (simple globs: `*` and `?` within a folder name).
    static func expandWorkspaces(
        _ patterns: [String], in project: String, negation: Bool, files: ContextFiles
    )
        -> Result<[String], ReasonError>
    {
        var included: [String] = []
        var excluded: Set<String> = []
        for pattern in patterns {
            var body = pattern
            let negated = body.hasPrefix("!")
            if negated {
                guard negation else {
                    return .failure(ReasonError("the workspace pattern `\(pattern)` excludes folders"))
                }
                body.removeFirst()
            }
            while body.hasPrefix("./") { body.removeFirst(2) }
            while body.hasSuffix("/") { body.removeLast() }
            let segments = body.split(separator: "/").map(String.init)
            if body.isEmpty || body.contains("**") || body.contains("{") || body.contains("[")
                || segments.contains("..") || segments.contains(".")
            {
                return .failure(
                    ReasonError(
                        "the workspace pattern `\(pattern)` is not a simple folder list whittle can expand with certainty"
                    ))
            }
            var folders = [project]
            for segment in segments {
                var next: [String] = []
                for folder in folders {
                    if segment.contains("*") || segment.contains("?") {
                        for name in files.children(folder)
                        where name != "node_modules" && (!name.hasPrefix(".") || segment.hasPrefix("."))
                            && wildcard(segment, name) && files.isDirectory(p(folder, name))
                        {
                            next.append(p(folder, name))
                        }
                    } else if files.isDirectory(p(folder, segment)) {
                        next.append(p(folder, segment))
                    }
                }
                folders = next
            }
            let members = folders.filter { $0 != project && files.isFile(p($0, "package.json")) }
            if negated { excluded.formUnion(members) } else { included += members }
        }
        var seen: Set<String> = []
        return .success(included.filter { !excluded.contains($0) && seen.insert($0).inserted })
    }

    /// `*` and `?` matching of one folder name.
    static func wildcard(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern)
        let s = Array(name)
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            if p[i] == "*" { return (j...s.count).contains { go(i + 1, $0) } }
            guard j < s.count, p[i] == "?" || p[i] == s[j] else { return false }
            return go(i + 1, j + 1)
        }
        return go(0, 0)
    }
}
