/// A replacement of a UTF-8 byte range of the file. Every fix is a list of these, so the rewritten
/// file differs from the original only where a fix meant it to.
public struct TextEdit: Sendable, Hashable, Comparable {
    public let range: Range<Int>
    public let replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(range: Range<Int>, replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: offset..<offset, replacement: text)
    }

    public static func delete(_ range: Range<Int>) -> TextEdit {
        TextEdit(range: range, replacement: [UInt8]())
    }

    public static func < (lhs: TextEdit, rhs: TextEdit) -> Bool {
        (lhs.range.lowerBound, lhs.range.upperBound) < (rhs.range.lowerBound, rhs.range.upperBound)
    }

    /// Whether two edits touch the same bytes. Two insertions at one offset count as touching,
    /// since their order would be ambiguous, and so does an insertion at either end of a
    /// replaced range: text appended to a RUN's script and a merge that replaces what follows it
    /// would each be right alone, and together repeat work (a cleanup per merged RUN). The
    /// optimizer then applies one and finds the other again on the result.
    public func overlaps(_ other: TextEdit) -> Bool {
        if range.isEmpty && other.range.isEmpty { return range.lowerBound == other.range.lowerBound }
        if range.isEmpty {
            return other.range.lowerBound <= range.lowerBound && range.lowerBound <= other.range.upperBound
        }
        if other.range.isEmpty {
            return range.lowerBound <= other.range.lowerBound && other.range.lowerBound <= range.upperBound
        }
        return range.overlaps(other.range)
    }

    /// Applies non-overlapping edits to `bytes`.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var at = 0
        for edit in edits.sorted() {
            out.append(contentsOf: bytes[at..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            at = edit.range.upperBound
        }
        out.append(contentsOf: bytes[at...])
        return out
    }
}
