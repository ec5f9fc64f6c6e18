import Foundation

extension EcosystemManifests {
    // MARK: - .NET

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
}
