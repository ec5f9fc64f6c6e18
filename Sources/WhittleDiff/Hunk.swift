/// A contiguous group of changes with surrounding context, as in one `@@` section of a unified diff.
///
/// Start and count values use the `@@ -oldStart,oldCount +newStart,newCount @@` header conventions:
/// starts are 1-based line numbers of the first line covered, except that when a count is 0 the start
/// is the number of the line *after which* the hunk applies (0 for the beginning of the file).
public struct Hunk: Sendable, Equatable, Hashable {
    /// First old line covered (1-based), or the line before the hunk when `oldCount` is 0.
    public var oldStart: Int
    /// Number of old lines covered (context plus removed lines).
    public var oldCount: Int
    /// First new line covered (1-based), or the line before the hunk when `newCount` is 0.
    public var newStart: Int
    /// Number of new lines covered (context plus added lines).
    public var newCount: Int
    /// The hunk's lines in diff order; within a change, removed lines precede added lines.
    public var lines: [HunkLine]

    /// Creates a hunk from header values and lines.
    public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, lines: [HunkLine]) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
        self.lines = lines
    }

    /// The 0-based index of the first old line the hunk covers (its insertion point when empty).
    public var oldIndex: Int { oldCount == 0 ? oldStart : oldStart - 1 }

    /// The 0-based index of the first new line the hunk covers (its insertion point when empty).
    public var newIndex: Int { newCount == 0 ? newStart : newStart - 1 }

    /// The header line without its newline, e.g. `@@ -3 +3,2 @@` (a count of 1 is omitted, as GNU
    /// diff and git do).
    public var header: String {
        "@@ -\(Hunk.range(oldStart, oldCount)) +\(Hunk.range(newStart, newCount)) @@"
    }

    /// The old text covered by the hunk (context and removed lines).
    public var oldBytes: [UInt8] {
        lines.filter(\.isInOld).flatMap(\.bytes)
    }

    /// The new text covered by the hunk (context and added lines).
    public var newBytes: [UInt8] {
        lines.filter(\.isInNew).flatMap(\.bytes)
    }

    /// The hunk as unified diff text: header line, then every line with its prefix and any
    /// `\ No newline at end of file` marker.
    public var unifiedBytes: [UInt8] {
        var result = Array(header.utf8)
        result.append(LineSplitter.newline)
        for line in lines {
            result.append(contentsOf: line.unifiedBytes)
        }
        return result
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
