import Foundation
import Testing

/// The shared corpus of real Dockerfiles (`../shared/corpus` next to the repository).
///
/// It is not part of the repository: tests that use it are skipped when it is absent, e.g.
/// `@Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipNote))`.
public enum SharedCorpus {
    /// The corpus folder, or nil when it is absent.
    public static var folder: URL? { RepositoryPaths.sharedCorpus }

    public static var isAvailable: Bool { folder != nil }

    /// `isAvailable`, printing the skip note when the corpus is absent (for `.enabled(if:)`).
    public static func availableOrNote() -> Bool {
        if isAvailable { return true }
        print("note: \(skipNote)")
        return false
    }

    /// Why a corpus test did not run (also printed once, for logs that hide skip comments).
    public static var skipNote: Comment {
        let expected = RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent(
            "shared/corpus")
        return "skipped: the shared corpus is not at \(expected.path)"
    }

    /// Names that describe the corpus rather than being inputs (as `shared/tools/corpus-check`).
    public static let metadataNames: Set<String> = ["MANIFEST.tsv", "result", "SUMMARY.txt", "README.md"]

    /// Every input file of the corpus (metadata excluded), sorted; empty when it is absent.
    public static func inputFiles() -> [URL] {
        guard let folder else { return [] }
        return RepositoryPaths.regularFiles(under: folder).filter {
            !metadataNames.contains($0.lastPathComponent) && $0.pathExtension != "tsv"
        }
    }
}
