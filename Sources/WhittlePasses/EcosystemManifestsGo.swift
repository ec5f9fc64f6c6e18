import Foundation

extension EcosystemManifests {
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
}
