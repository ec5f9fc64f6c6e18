/// A proposed change for a finding: a title, its safety, and the edits that make it.
public struct Fix: Sendable, Hashable {
    /// Imperative, short: "Merge into the previous RUN".
    public let title: String
    public let safety: FixSafety
    public let edits: [TextEdit]

    public init(title: String, safety: FixSafety, edits: [TextEdit]) {
        self.title = title
        self.safety = safety
        self.edits = edits.sorted()
    }

    /// The smallest range covering every edit.
    public var span: Range<Int> {
        let lo = edits.map(\.range.lowerBound).min() ?? 0
        let hi = edits.map(\.range.upperBound).max() ?? 0
        return lo..<hi
    }

    public func overlaps(_ other: Fix) -> Bool {
        edits.contains { a in other.edits.contains { a.overlaps($0) } }
    }
}
