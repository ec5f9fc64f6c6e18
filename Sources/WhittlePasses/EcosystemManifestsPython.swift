import Foundation

extension EcosystemManifests {
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
}
