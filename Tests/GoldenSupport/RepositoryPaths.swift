import Foundation

/// Where things are, found from this source file's own path so tests work from any directory.
public enum RepositoryPaths {
    /// The repository root: the nearest folder above this file that holds `Package.swift`.
    ///
    /// Symlinks are resolved first, so a scratch package that links `Tests/` from the repository
    /// still finds the real repository (and its `../shared` sibling).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url.deleteLastPathComponent()
        }
        // Tests/GoldenSupport/<file>: two levels up is the root even without a Package.swift.
        return URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `Golden/` at the repository root.
    public static var golden: URL { root.appendingPathComponent("Golden", isDirectory: true) }

    /// `../shared/corpus` next to the repository, or nil when it is not there.
    public static var sharedCorpus: URL? { sharedFolder("corpus") }

    /// `../shared/tools` next to the repository, or nil when it is not there.
    public static var sharedTools: URL? { sharedFolder("tools") }

    private static func sharedFolder(_ name: String) -> URL? {
        let url = root.deletingLastPathComponent()
            .appendingPathComponent("shared", isDirectory: true)
            .appendingPathComponent(name, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { return nil }
        return url.standardizedFileURL
    }

    /// Every regular file under `folder`, sorted by path (hidden files included, symlinks followed
    /// only when they point at files).
    public static func regularFiles(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
