/// A sequence of line operations turning the old file into the new one, in file order.
///
/// Within each run of changes all deletions come before all insertions, as diff tools print them.
struct EditScript: Sendable, Equatable {
    /// One step of the script.
    enum Operation: Sendable, Equatable {
        /// Old line `old` is kept and becomes new line `new` (0-based indices).
        case keep(old: Int, new: Int)
        /// Old line at this 0-based index is deleted.
        case delete(Int)
        /// New line at this 0-based index is inserted.
        case insert(Int)

        var isChange: Bool {
            if case .keep = self { return false }
            return true
        }
    }

    var operations: [Operation]

    /// Builds the script from per-line change flags, such as those computed by `MyersDiff`.
    init(removed: [Bool], added: [Bool]) {
        var operations: [Operation] = []
        operations.reserveCapacity(max(removed.count, added.count))
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < removed.count || newIndex < added.count {
            if oldIndex < removed.count && removed[oldIndex] {
                operations.append(.delete(oldIndex))
                oldIndex += 1
            } else if newIndex < added.count && added[newIndex] {
                operations.append(.insert(newIndex))
                newIndex += 1
            } else if oldIndex < removed.count && newIndex < added.count {
                operations.append(.keep(old: oldIndex, new: newIndex))
                oldIndex += 1
                newIndex += 1
            } else {
                // Inconsistent flags (unmatched kept lines); treat the rest as changes.
                if oldIndex < removed.count {
                    operations.append(.delete(oldIndex))
                    oldIndex += 1
                } else {
                    operations.append(.insert(newIndex))
                    newIndex += 1
                }
            }
        }
        self.operations = operations
    }
}
