import Foundation
import WhittleEngine

/// The files of a build context as the builder sees them: what exists and is not excluded by
/// the ignore file. Paths are relative to the context root, `/`-separated, `""` for the root.
struct ContextFiles {
    let context: BuildContext
    let ignore: DockerIgnore?

    init(context: BuildContext, dockerfilePath: String?) {
        self.context = context
        self.ignore = context.dockerIgnore(dockerfilePath: dockerfilePath)
    }

    /// Whether the context folder exists at all.
    var isAvailable: Bool { isDirectoryOnDisk("") }

    func absolute(_ path: String) -> String {
        path.isEmpty ? context.directory : (context.directory as NSString).appendingPathComponent(path)
    }

    /// Whether `.dockerignore` leaves `path` out.
    func isIgnored(_ path: String) -> Bool { ignore?.isExcluded(path) ?? false }

    private func kind(_ path: String) -> Bool? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) else {
            return nil
        }
        return isDirectory.boolValue
    }

    func isDirectoryOnDisk(_ path: String) -> Bool { kind(path) == true }

    /// Exists on disk, whether or not it is ignored.
    func existsOnDisk(_ path: String) -> Bool { kind(path) != nil }

    /// A regular file the builder receives.
    func isFile(_ path: String) -> Bool { kind(path) == false && !isIgnored(path) }

    /// A folder the builder receives.
    func isDirectory(_ path: String) -> Bool { (path.isEmpty || !isIgnored(path)) && kind(path) == true }

    /// The text of a file the builder receives.
    func text(_ path: String) -> String? {
        guard isFile(path), let data = FileManager.default.contents(atPath: absolute(path)) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The names in a folder, sorted, ignored entries left out.
    func children(_ path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute(path))) ?? []
        return names.sorted().filter { !isIgnored(ContextPath.join(path, $0)) }
    }
}

/// `/`-separated relative paths.
enum ContextPath {
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || a == "." { return b }
        if b.isEmpty || b == "." { return a }
        return a + "/" + b
    }

    /// A relative path, cleaned; nil when it leaves its root (`../x`) or is absolute.
    static func normalize(_ path: String) -> String? {
        if path.hasPrefix("/") { return nil }
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if out.isEmpty { return nil }
                out.removeLast()
                continue
            }
            out.append(part)
        }
        return out.joined(separator: "/")
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` relative to `root` (both relative to the context), or nil when outside it.
    static func relative(_ path: String, to root: String) -> String? {
        if root.isEmpty { return path }
        if path == root { return "" }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
    }
}

/// What one ecosystem needs copied before its install, read from the build context.
struct ManifestScan {
    /// Files to copy, relative to the context root, in the order found.
    var files: [String] = []
    /// Folders to copy whole (`.yarn/releases`, `gradle`).
    var folders: [String] = []
    /// Reasons whittle does not rewrite.
    var blockers: [String] = []
    /// Reasons the rewrite is unsafe.
    var unsafe: [String] = []
    /// Anything else worth saying (workspace members, a hook that now runs later).
    var notes: [String] = []
    /// Project folders (relative to the context root) whose install output may collide with the
    /// source COPY: the project itself and workspace members.
    var projectFolders: [String] = []
    /// Composer: commands to run after the source COPY.
    var afterSource: [String] = []

    mutating func add(_ file: String) { if !files.contains(file) { files.append(file) } }
    mutating func addFolder(_ folder: String) { if !folders.contains(folder) { folders.append(folder) } }
    mutating func block(_ reason: String) { if !blockers.contains(reason) { blockers.append(reason) } }
}
