/// Line-based Myers diff rendered as git-style unified diff text.
public enum UnifiedDiff: Sendable {
    /// Unified diff between two byte buffers (UTF-8 text, possibly CRLF, possibly without a final
    /// newline). Bytes are never transcoded, so any content is handled, and lines appear in the diff
    /// exactly as in the files (CRLF lines keep their `"\r"`).
    ///
    /// Returns an empty array when the two are identical. Otherwise the output starts with the header
    /// lines `--- a/<oldPath>` and `+++ b/<newPath>` (git style; pass the same path twice normally),
    /// followed by the hunks as computed by `LineDiff.hunks(old:new:context:)`. The result applies
    /// with `patch -p1` and `git apply`.
    ///
    /// - Parameter context: Unchanged lines shown around each change, like `diff -U`.
    public static func make(
        old: [UInt8], new: [UInt8], oldPath: String, newPath: String, context: Int = 3
    ) -> [UInt8] {
        let hunks = LineDiff.hunks(old: old, new: new, context: context)
        return render(hunks: hunks, oldPath: oldPath, newPath: newPath)
    }

    /// Renders `hunks` as a unified diff with `--- a/<oldPath>` and `+++ b/<newPath>` header lines.
    /// Returns an empty array when `hunks` is empty.
    public static func render(hunks: [Hunk], oldPath: String, newPath: String) -> [UInt8] {
        guard !hunks.isEmpty else {
            return []
        }
        var result = header(oldPath: oldPath, newPath: newPath)
        for hunk in hunks {
            result.append(contentsOf: hunk.unifiedBytes)
        }
        return result
    }

    /// The two file header lines, `--- a/<oldPath>` and `+++ b/<newPath>`, each ending in a newline.
    public static func header(oldPath: String, newPath: String) -> [UInt8] {
        Array("--- a/\(oldPath)\n+++ b/\(newPath)\n".utf8)
    }
}
