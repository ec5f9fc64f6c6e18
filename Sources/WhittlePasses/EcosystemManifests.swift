import Foundation

/// Reads the manifests of each ecosystem in the build context: which exist, what else the
/// install reads (workspace members, included requirement files, referenced projects), and what
/// stands in the way of installing before the source is copied.
enum EcosystemManifests {
    /// The manifests for an install or download of `ecosystem` run in the context folder
    /// `project`. `namedFiles` are the files the command names, already mapped into the context.
    static func scan(
        _ ecosystem: Ecosystem, project: String, namedFiles: [String], runsScripts: Bool, program: String,
        projectArgument: String?, files: ContextFiles, sourceRoot: String
    ) -> ManifestScan {
        var scan: ManifestScan
        switch ecosystem {
        case .npm, .yarn, .pnpm:
            scan = node(ecosystem, project: project, runsScripts: runsScripts, files: files)
        case .pip: scan = pip(namedFiles, files: files)
        case .poetry: scan = poetry(project: project, files: files)
        case .uv: scan = uv(project: project, files: files)
        case .pipenv: scan = pipenv(project: project, files: files)
        case .go: scan = go(project: project, files: files)
        case .maven: scan = maven(project: project, program: program, named: namedFiles, files: files)
        case .gradle: scan = gradle(project: project, program: program, files: files)
        case .bundler: scan = bundler(project: project, named: namedFiles, files: files)
        case .composer: scan = composer(project: project, runsScripts: runsScripts, files: files)
        case .cargo: scan = cargo(project: project, files: files)
        case .dotnet:
            scan = dotnet(project: project, argument: projectArgument, files: files, sourceRoot: sourceRoot)
        case .mix: scan = mix(project: project, files: files)
        }
        if scan.projectFolders.isEmpty { scan.projectFolders = [project] }
        return scan
    }

    static func p(_ project: String, _ name: String) -> String { ContextPath.join(project, name) }

    /// Adds `names` (relative to `project`) that exist as files.
    static func optional(
        _ names: [String], in project: String, _ scan: inout ManifestScan, _ files: ContextFiles
    ) {
        for name in names where files.isFile(p(project, name)) { scan.add(p(project, name)) }
    }

    static func required(
        _ name: String, in project: String, _ scan: inout ManifestScan, _ files: ContextFiles
    )
        -> String?
    {
        let path = p(project, name)
        guard files.isFile(path), let text = files.text(path) else {
            if files.existsOnDisk(path) && files.isIgnored(path) {
                scan.block("\(path) is excluded by .dockerignore, so the build cannot copy it")
            } else {
                scan.block("\(path) is not in the build context")
            }
            return nil
        }
        scan.add(path)
        return text
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

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

    static func unquote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, f == "'" || f == "\"", t.last == f {
            t = String(t.dropFirst().dropLast())
        }
        return t
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

    // MARK: - Python

    static func pip(_ named: [String], files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        var queue = named
        var seen: Set<String> = []
        while !queue.isEmpty {
            let file = queue.removeFirst()
            guard seen.insert(file).inserted else { continue }
            guard let text = files.text(file) else {
                if files.existsOnDisk(file) && files.isIgnored(file) {
                    scan.block("\(file) is excluded by .dockerignore, so the build cannot copy it")
                } else {
                    scan.block("\(file) is not in the build context")
                }
                continue
            }
            scan.add(file)
            let name = ContextPath.name(file).lowercased()
            guard name.hasSuffix(".txt") || name.hasSuffix(".in") || !name.contains(".") else {
                if name == "pyproject.toml" { continue }
                scan.block("\(file) is not a requirements file whittle can read")
                continue
            }
            for line in requirementLines(text) {
                let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard let first = tokens.first else { continue }
                if first.hasPrefix("-") {
                    let (option, value) = optionAndValue(tokens)
                    switch option {
                    case "-r", "--requirement", "-c", "--constraint":
                        guard let value, !value.contains("$") else {
                            scan.block("\(file) includes a file whittle cannot name")
                            continue
                        }
                        if value.contains("://") { continue }
                        guard let path = ContextPath.normalize(p(ContextPath.parent(file), value)) else {
                            scan.block("\(file) includes \(value), which is outside the build context")
                            continue
                        }
                        queue.append(path)
                    case "-e", "--editable":
                        if let value, value.contains("://") || value.hasPrefix("git+") { continue }
                        scan.block("`\(line)` in \(file) installs a local project, which needs the source")
                    case "-f", "--find-links":
                        if let value, value.contains("://") { continue }
                        scan.block(
                            "`\(line)` in \(file) installs from a local folder, which arrives with the source"
                        )
                    default:
                        continue
                    }
                } else if EcosystemCommands.isLocalPythonRequirement(first) || line.contains("file:") {
                    scan.block("`\(line)` in \(file) installs a local path, which needs the source")
                }
            }
        }
        return scan
    }

    /// The logical lines of a requirements file: continuations joined, comments dropped.
    static func requirementLines(_ text: String) -> [String] {
        var out: [String] = []
        var pending = ""
        for raw in text.components(separatedBy: "\n") {
            var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if line.hasSuffix("\\") {
                line.removeLast()
                pending += line + " "
                continue
            }
            line = pending + line
            pending = ""
            if line.hasPrefix("#") { continue }
            if let hash = line.range(of: " #") ?? line.range(of: "\t#") {
                line = String(line[..<hash.lowerBound])
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { out.append(trimmed) }
        }
        if !pending.isEmpty { out.append(pending.trimmingCharacters(in: .whitespaces)) }
        return out
    }

    /// `-r FILE`, `-rFILE`, `--requirement=FILE`, `--requirement FILE`.
    static func optionAndValue(_ tokens: [String]) -> (String, String?) {
        let first = tokens[0]
        if first.hasPrefix("--") {
            if let eq = first.firstIndex(of: "=") {
                return (String(first[..<eq]), String(first[first.index(after: eq)...]))
            }
            return (first, tokens.count > 1 ? tokens[1] : nil)
        }
        if first.count > 2 {
            return (String(first.prefix(2)), String(first.dropFirst(2)))
        }
        return (first, tokens.count > 1 ? tokens[1] : nil)
    }

    /// `key = value` lines of a TOML file and their `[section]`, comments dropped (enough to spot
    /// path dependencies and workspaces; not a TOML parser).
    static func tomlLines(_ text: String) -> [(section: String, line: String)] {
        var out: [(String, String)] = []
        var section = ""
        for raw in text.components(separatedBy: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t\r"))
                if let hash = section.range(of: "#") {
                    section = section[..<hash.lowerBound].trimmingCharacters(
                        in: CharacterSet(charactersIn: "[] \t"))
                }
                out.append((section, line))
                continue
            }
            out.append((section, line))
        }
        return out
    }

    static func mentionsKey(_ line: String, _ key: String) -> Bool {
        // `key =` at the start of a line or inside an inline table `{ key = ...`.
        let compact = line.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
        return compact.hasPrefix(key + "=") || compact.contains("{" + key + "=")
            || compact.contains("," + key + "=")
    }

    static func pyproject(_ project: String, _ scan: inout ManifestScan, _ files: ContextFiles) -> String? {
        required("pyproject.toml", in: project, &scan, files)
    }

    static func poetry(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = pyproject(project, &scan, files) else { return scan }
        optional(["poetry.lock", "poetry.toml"], in: project, &scan, files)
        for (section, line) in tomlLines(text) {
            if mentionsKey(line, "path") || mentionsKey(line, "develop") {
                scan.block("pyproject.toml has a path dependency (`\(line)`), which arrives with the source")
            }
            if section == "tool.poetry" || section == "project", mentionsKey(line, "readme") {
                for readme in quotedStrings(line) where files.isFile(p(project, readme)) {
                    scan.add(p(project, readme))
                }
            }
        }
        return scan
    }

    static func uv(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = pyproject(project, &scan, files) else { return scan }
        optional(["uv.lock", ".python-version", "uv.toml"], in: project, &scan, files)
        for (section, line) in tomlLines(text) {
            if section.hasPrefix("tool.uv.workspace") {
                scan.block(
                    "pyproject.toml declares a uv workspace; its members would need `--no-install-workspace` and their own pyproject.toml"
                )
            } else if mentionsKey(line, "path")
                || (section.hasPrefix("tool.uv.sources") && line.contains("workspace"))
            {
                scan.block(
                    "pyproject.toml has a path or workspace source (`\(line)`), which arrives with the source"
                )
            }
        }
        return scan
    }

    static func pipenv(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("Pipfile", in: project, &scan, files) else { return scan }
        optional(["Pipfile.lock"], in: project, &scan, files)
        for (_, line) in tomlLines(text) where mentionsKey(line, "path") || mentionsKey(line, "editable") {
            scan.block("the Pipfile installs a local path (`\(line)`), which needs the source")
        }
        return scan
    }

    static func quotedStrings(_ line: String) -> [String] {
        var out: [String] = []
        var current: String? = nil
        var quote: Character = "\""
        for c in line {
            if var s = current {
                if c == quote {
                    out.append(s)
                    current = nil
                } else {
                    s.append(c)
                    current = s
                }
            } else if c == "\"" || c == "'" {
                quote = c
                current = ""
            }
        }
        return out
    }

    // MARK: - Go

    static func go(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let mod = required("go.mod", in: project, &scan, files) else { return scan }
        optional(["go.sum"], in: project, &scan, files)
        var modules = [project]
        if let work = files.text(p(project, "go.work")) {
            scan.add(p(project, "go.work"))
            optional(["go.work.sum"], in: project, &scan, files)
            let uses = goDirectives(work, "use")
            var members: [String] = []
            for dir in uses {
                guard let path = ContextPath.normalize(p(project, dir)) else {
                    scan.block("go.work uses \(dir), which is outside the build context")
                    continue
                }
                if path == project { continue }
                guard files.isFile(p(path, "go.mod")) else {
                    scan.block("go.work uses \(dir), whose go.mod is not in the build context")
                    continue
                }
                members.append(path)
                modules.append(path)
                scan.add(p(path, "go.mod"))
                if files.isFile(p(path, "go.sum")) { scan.add(p(path, "go.sum")) }
            }
            if !members.isEmpty {
                scan.notes.append(
                    "Go workspace modules, each with its go.mod: "
                        + members.map { ContextPath.relative($0, to: project) ?? $0 }.joined(separator: ", "))
            }
            for target in localReplacements(work) { replace(target, from: project, &scan, files) }
        }
        for module in modules {
            let text = module == project ? mod : (files.text(p(module, "go.mod")) ?? "")
            for target in localReplacements(text) { replace(target, from: module, &scan, files) }
        }
        return scan
    }

    static func replace(
        _ target: String, from module: String, _ scan: inout ManifestScan, _ files: ContextFiles
    ) {
        guard let path = ContextPath.normalize(p(module, target)), files.isFile(p(path, "go.mod")) else {
            scan.block("a replace directive points to \(target), whose go.mod is not in the build context")
            return
        }
        if !scan.files.contains(p(path, "go.mod")) {
            scan.add(p(path, "go.mod"))
            scan.notes.append("\(p(path, "go.mod")) is copied too: a replace directive points to its folder")
        }
    }

    /// The arguments of `name` directives, single-line or in a `name ( ... )` block.
    static func goDirectives(_ text: String, _ name: String) -> [String] {
        var out: [String] = []
        var inBlock = false
        for raw in text.components(separatedBy: "\n") {
            var line = raw
            if let comment = line.range(of: "//") { line = String(line[..<comment.lowerBound]) }
            line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if inBlock {
                if line == ")" {
                    inBlock = false
                } else if !line.isEmpty {
                    out.append(line)
                }
                continue
            }
            guard line.hasPrefix(name + " ") || line.hasPrefix(name + "\t") || line == name + "(" else {
                continue
            }
            let rest = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            if rest == "(" { inBlock = true } else if !rest.isEmpty { out.append(rest) }
        }
        return out.map { unquote($0) }
    }

    /// Folders that `replace ... => ./dir` directives point to.
    static func localReplacements(_ text: String) -> [String] {
        goDirectives(text, "replace").compactMap { line in
            guard let arrow = line.range(of: "=>") else { return nil }
            let target = line[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
            let path = unquote(String(target.split(separator: " ").first ?? ""))
            return path.hasPrefix("./") || path.hasPrefix("../") || path == "." || path == ".." ? path : nil
        }
    }

    // MARK: - JVM

    static func maven(project: String, program: String, named: [String], files: ContextFiles) -> ManifestScan
    {
        var scan = ManifestScan()
        guard let root = required("pom.xml", in: project, &scan, files) else { return scan }
        if files.isDirectory(p(project, ".mvn")) { scan.addFolder(p(project, ".mvn")) }
        if program.hasSuffix("mvnw") {
            _ = required("mvnw", in: project, &scan, files)
        }
        for file in named {
            guard files.isFile(file) else {
                scan.block("\(file) is not in the build context")
                continue
            }
            scan.add(file)
        }
        var queue: [(String, String)] = [(project, root)]
        var modules: [String] = []
        while !queue.isEmpty {
            let (folder, text) = queue.removeFirst()
            let xml = stripXMLComments(text)
            if let profiles = xml.range(of: "<profiles>"), xml[profiles.upperBound...].contains("<module>") {
                scan.block(
                    "\(p(folder, "pom.xml")) lists modules inside profiles, so the module list depends on the build"
                )
                return scan
            }
            for module in xmlElements(xml, "module") {
                let relative = module.hasSuffix(".xml") ? module : p(module, "pom.xml")
                guard let path = ContextPath.normalize(p(folder, relative)), let moduleText = files.text(path)
                else {
                    scan.block(
                        "the module \(module) of \(p(folder, "pom.xml")) has no pom.xml in the build context")
                    return scan
                }
                scan.add(path)
                modules.append(ContextPath.parent(path))
                queue.append((ContextPath.parent(path), moduleText))
                if modules.count > 200 { break }
            }
        }
        if !modules.isEmpty {
            scan.notes.append(
                "Maven modules, each with its pom.xml: "
                    + modules.map { ContextPath.relative($0, to: project) ?? $0 }.joined(separator: ", "))
            scan.unsafe.append(
                "unsafe: dependency:go-offline cannot resolve modules that depend on each other before they are built, so the download step may fail"
            )
        }
        return scan
    }

    static func stripXMLComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The text of every `<name>...</name>` element.
    static func xmlElements(_ xml: String, _ name: String) -> [String] {
        var out: [String] = []
        var rest = Substring(xml)
        while let open = rest.range(of: "<\(name)>") {
            guard let close = rest[open.upperBound...].range(of: "</\(name)>") else { break }
            out.append(
                rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines))
            rest = rest[close.upperBound...]
        }
        return out
    }

    static func gradle(project: String, program: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        let names = [
            "settings.gradle", "settings.gradle.kts", "build.gradle", "build.gradle.kts", "gradle.properties",
        ]
        optional(names, in: project, &scan, files)
        guard scan.files.contains(where: { ContextPath.name($0).hasPrefix("build.gradle") }) else {
            scan.block("\(p(project, "build.gradle")) (or build.gradle.kts) is not in the build context")
            return scan
        }
        if files.isDirectory(p(project, "gradle")) { scan.addFolder(p(project, "gradle")) }
        if program.hasSuffix("gradlew") { _ = required("gradlew", in: project, &scan, files) }
        for name in ["settings.gradle", "settings.gradle.kts"] {
            guard let text = files.text(p(project, name)) else { continue }
            if text.contains("include") {
                scan.block(
                    "\(p(project, name)) includes other projects; whittle does not run Gradle's scripts to list them"
                )
            }
        }
        for name in ["build.gradle", "build.gradle.kts"] {
            guard let text = files.text(p(project, name)) else { continue }
            if text.contains("apply from") || text.contains("apply(from") {
                scan.block("\(p(project, name)) applies another script file, which arrives with the source")
            }
        }
        if files.existsOnDisk(p(project, "buildSrc")) {
            scan.block("the buildSrc folder is compiled as part of the build script, so it needs the source")
        }
        return scan
    }

    // MARK: - Ruby, PHP, Rust, .NET, Elixir

    static func bundler(project: String, named: [String], files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        let gemfile = named.first ?? p(project, "Gemfile")
        guard let text = required(ContextPath.name(gemfile), in: ContextPath.parent(gemfile), &scan, files)
        else {
            return scan
        }
        let lock = gemfile + ".lock"
        if files.isFile(lock) { scan.add(lock) }
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line == "gemspec" || line.hasPrefix("gemspec ") || line.hasPrefix("gemspec(") {
                scan.block("the Gemfile installs the project's own gemspec, which needs the source")
            } else if line.contains("path:") || line.contains(":path") {
                scan.block("the Gemfile installs a local path (`\(line)`), which arrives with the source")
            } else if ["eval_gemfile", "instance_eval", "File.", "IO.", "require_relative", "Dir["].contains(
                where: {
                    line.contains($0)
                })
            {
                scan.block("the Gemfile reads other files (`\(line)`), which whittle does not follow")
            } else if line.hasPrefix("ruby "), line.contains("file:") {
                for file in quotedStrings(line) {
                    guard let path = ContextPath.normalize(p(ContextPath.parent(gemfile), file)),
                        files.isFile(path)
                    else {
                        scan.block("the Gemfile reads \(file), which is not in the build context")
                        continue
                    }
                    scan.add(path)
                }
            }
        }
        return scan
    }

    static let composerHandledScripts: Set<String> = [
        "post-install-cmd", "pre-autoload-dump", "post-autoload-dump",
    ]

    static func composer(project: String, runsScripts: Bool, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("composer.json", in: project, &scan, files) else { return scan }
        guard let object = json(text) else {
            scan.block("\(p(project, "composer.json")) is not valid JSON")
            return scan
        }
        optional(["composer.lock", "auth.json"], in: project, &scan, files)
        let repositories: [Any] =
            (object["repositories"] as? [Any])
            ?? ((object["repositories"] as? [String: Any]).map { Array($0.values) }
                ?? [])
        for case let repository as [String: Any] in repositories where repository["type"] as? String == "path"
        {
            scan.block("composer.json installs from a local path repository, which arrives with the source")
        }
        if let config = object["config"] as? [String: Any], config["vendor-dir"] != nil {
            scan.block("composer.json moves the vendor folder, which whittle does not follow")
        }
        let scripts = (object["scripts"] as? [String: Any]).map { Set($0.keys) } ?? []
        if runsScripts {
            for blocked in [
                "pre-install-cmd", "pre-package-install", "post-package-install", "pre-operations-exec",
            ]
            where scripts.contains(blocked) {
                scan.block(
                    "composer.json runs `\(blocked)` scripts during the install, which may need the source")
            }
            let handled = scripts.intersection(composerHandledScripts).sorted()
            if !handled.isEmpty {
                scan.afterSource = handled
                scan.unsafe.append(
                    "unsafe: composer.json's scripts (\(handled.joined(separator: ", "))) now run after the source COPY, from `composer dump-autoload`\(handled.contains("post-install-cmd") ? " and `composer run-script post-install-cmd`" : ""); check that they do the same there"
                )
            }
        }
        return scan
    }

    static func cargo(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("Cargo.toml", in: project, &scan, files) else { return scan }
        optional(["Cargo.lock", "rust-toolchain.toml", "rust-toolchain"], in: project, &scan, files)
        for name in [".cargo/config.toml", ".cargo/config"] {
            guard let config = files.text(p(project, name)) else { continue }
            if config.contains("vendor") || config.contains("directory") {
                scan.block(
                    "\(p(project, name)) points Cargo at vendored sources, which arrive with the source")
            }
            scan.add(p(project, name))
        }
        for (section, line) in tomlLines(text) {
            if line.hasPrefix("[") {
                if section == "workspace" || section.hasPrefix("workspace.") {
                    scan.block(
                        "Cargo.toml is a workspace; each member would need its Cargo.toml and a source file before `cargo fetch`"
                    )
                } else if ["[[bin]]", "[[bench]]", "[[test]]", "[[example]]"].contains(line) {
                    scan.block(
                        "Cargo.toml lists \(line) targets, which cargo reads from the source before fetching")
                }
                continue
            }
            if (mentionsKey(line, "path") && section != "lib") || mentionsKey(line, "workspace")
                || line.contains(".workspace")
            {
                scan.block(
                    "Cargo.toml has a path or workspace dependency (`\(line)`), which arrives with the source"
                )
            }
        }
        if !files.isDirectory(p(project, "src")) {
            scan.block(
                "\(p(project, "src")) is not in the build context, so whittle cannot tell the crate's targets"
            )
        }
        return scan
    }

    static let projectExtensions = [".csproj", ".fsproj", ".vbproj"]
    static let dotnetShared = [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config",
        "nuget.config", "NuGet.Config", "global.json",
    ]

    static func dotnet(project: String, argument: String?, files: ContextFiles, sourceRoot: String)
        -> ManifestScan
    {
        var scan = ManifestScan()
        var entry: String
        if let argument {
            guard let path = ContextPath.normalize(p(project, argument)) else {
                scan.block("\(argument) is outside the build context")
                return scan
            }
            entry = path
        } else {
            entry = project
        }
        if files.isDirectory(entry) {
            let names = files.children(entry)
            let solutions = names.filter { $0.hasSuffix(".sln") || $0.hasSuffix(".slnx") }
            let projects = names.filter { n in projectExtensions.contains { n.hasSuffix($0) } }
            if solutions.count == 1 {
                entry = p(entry, solutions[0])
            } else if solutions.isEmpty && projects.count == 1 {
                entry = p(entry, projects[0])
            } else {
                scan.block(
                    solutions.isEmpty && projects.isEmpty
                        ? "no project or solution file is in \(entry.isEmpty ? "the build context's root" : entry)"
                        : "\(entry.isEmpty ? "the build context's root" : entry) holds several project or solution files, so whittle cannot tell which one dotnet uses"
                )
                return scan
            }
        }
        guard let entryText = files.text(entry) else {
            scan.block("\(entry) is not in the build context")
            return scan
        }
        scan.add(entry)
        var queue: [String] = []
        if entry.hasSuffix(".sln") || entry.hasSuffix(".slnx") {
            for reference in solutionProjects(entryText) {
                guard let path = ContextPath.normalize(p(ContextPath.parent(entry), reference)) else {
                    scan.block("the solution refers to \(reference), which is outside the build context")
                    return scan
                }
                queue.append(path)
            }
        } else {
            queue.append(entry)
        }
        var projects: [String] = []
        while !queue.isEmpty {
            let path = queue.removeFirst()
            if projects.contains(path) { continue }
            guard let text = files.text(path) else {
                scan.block("the project \(path) is not in the build context")
                return scan
            }
            projects.append(path)
            scan.add(path)
            if hasCustomImport(text) {
                scan.block("\(path) imports another MSBuild file, which whittle does not follow")
            }
            for reference in attributeValues(text, element: "ProjectReference", attribute: "Include") {
                guard let ref = ContextPath.normalize(p(ContextPath.parent(path), reference)) else {
                    scan.block("\(path) refers to \(reference), which is outside the build context")
                    return scan
                }
                queue.append(ref)
            }
        }
        // Files MSBuild and NuGet read from each project's folder and the folders above it.
        var folders: [String] = []
        for project in projects {
            var folder = ContextPath.parent(project)
            while ContextPath.relative(folder, to: sourceRoot) != nil {
                if !folders.contains(folder) { folders.append(folder) }
                if folder == sourceRoot || folder.isEmpty { break }
                folder = ContextPath.parent(folder)
            }
            if files.isFile(p(ContextPath.parent(project), "packages.lock.json")) {
                scan.add(p(ContextPath.parent(project), "packages.lock.json"))
            }
        }
        for folder in folders {
            for name in dotnetShared where files.isFile(p(folder, name)) {
                let path = p(folder, name)
                if name.hasPrefix("Directory."), let text = files.text(path), hasCustomImport(text) {
                    scan.block("\(path) imports another MSBuild file, which whittle does not follow")
                }
                scan.add(path)
            }
        }
        scan.projectFolders = projects.map(ContextPath.parent)
        if projects.count > 1 {
            scan.notes.append("projects restored together: " + projects.joined(separator: ", "))
        }
        return scan
    }

    static func hasCustomImport(_ text: String) -> Bool {
        attributeValues(text, element: "Import", attribute: "Project").contains {
            !$0.hasPrefix("$(MSBuild") && !$0.hasPrefix("Sdk")
        }
    }

    /// Project paths in a .sln (`Project(...) = "Name", "src\App\App.csproj", ...`) or .slnx file.
    static func solutionProjects(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.components(separatedBy: "\n") {
            let strings = quotedStrings(line)
            if line.hasPrefix("Project("), strings.count >= 3 {
                let path = strings[2].replacingOccurrences(of: "\\", with: "/")
                if projectExtensions.contains(where: { path.hasSuffix($0) }) { out.append(path) }
            }
        }
        out += attributeValues(text, element: "Project", attribute: "Path").map {
            $0.replacingOccurrences(of: "\\", with: "/")
        }.filter { path in projectExtensions.contains { path.hasSuffix($0) } }
        return out
    }

    /// The values of `attribute` on every `<element ...>` tag.
    static func attributeValues(_ text: String, element: String, attribute: String) -> [String] {
        var out: [String] = []
        var rest = Substring(stripXMLComments(text))
        while let open = rest.range(of: "<\(element) ") ?? rest.range(of: "<\(element)\n") {
            guard let close = rest[open.upperBound...].range(of: ">") else { break }
            let tag = rest[open.upperBound..<close.lowerBound]
            if let key = tag.range(of: "\(attribute)=") {
                let value = tag[key.upperBound...]
                if let q = value.first, q == "\"" || q == "'",
                    let end = value.dropFirst().firstIndex(of: q)
                {
                    out.append(
                        String(value[value.index(after: value.startIndex)..<end]).replacingOccurrences(
                            of: "\\", with: "/"))
                }
            }
            rest = rest[close.upperBound...]
        }
        return out
    }

    static func mix(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("mix.exs", in: project, &scan, files) else { return scan }
        optional(["mix.lock"], in: project, &scan, files)
        if text.contains("apps_path") {
            scan.block("mix.exs is an umbrella project; each app would need its own mix.exs")
        }
        if text.contains("path:") || text.contains("in_umbrella") {
            scan.block("mix.exs has a path dependency, which arrives with the source")
        }
        if text.contains("File.") || text.contains("Code.") {
            scan.block("mix.exs reads other files, which whittle does not follow")
        }
        return scan
    }
}

/// A reason, as an error.
struct ReasonError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

extension ManifestScan {
    mutating func block(_ error: ReasonError) { block(error.reason) }
}
