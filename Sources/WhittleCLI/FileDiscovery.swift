import Foundation

/// Finds Dockerfiles under folders given on the command line.
enum FileDiscovery {
    /// Folders never searched: version control, dependencies, build output and virtualenvs.
    static let skippedFolders: Set<String> = [
        ".git", ".hg", ".svn", "node_modules", ".build", ".venv", "venv", "__pycache__", ".tox", "target",
        ".terraform", ".gradle", ".idea",
    ]

    /// Whether a file name is a Dockerfile: `Dockerfile`, `*.Dockerfile`, `Dockerfile.*`,
    /// `Containerfile`, `*.containerfile` (case-insensitive).
    static func isDockerfileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        for stem in ["dockerfile", "containerfile"] {
            if lower == stem || lower.hasSuffix("." + stem) || lower.hasPrefix(stem + ".") { return true }
        }
        return false
    }

    /// The paths to process: files as given, folders expanded (sorted, so output is stable).
    static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                out.append(path)
                continue
            }
            out += search(path)
        }
        return out
    }

    static func search(_ folder: String) -> [String] {
        var found: [String] = []
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
        for name in names.sorted() {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if skippedFolders.contains(name) { continue }
                if let attributes = try? fm.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType == .typeSymbolicLink
                {
                    continue
                }
                found += search(path)
            } else if isDockerfileName(name) {
                found.append(path)
            }
        }
        return found
    }
}
