/// Maps distinct lines to small integer identifiers so that the diff algorithm compares integers
/// instead of byte arrays.
struct LineInterner: Sendable {
    private var identifiers: [[UInt8]: Int] = [:]

    /// The number of distinct lines seen so far; identifiers are `0..<count`.
    var count: Int { identifiers.count }

    /// The identifier of `line`, allocating a new one the first time a line is seen.
    mutating func identifier(for line: [UInt8]) -> Int {
        if let existing = identifiers[line] {
            return existing
        }
        let next = identifiers.count
        identifiers[line] = next
        return next
    }

    /// The identifiers of all `lines`, in order.
    mutating func identifiers(for lines: [[UInt8]]) -> [Int] {
        lines.map { identifier(for: $0) }
    }
}
