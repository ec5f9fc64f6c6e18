/// Groups an edit script into hunks with a given amount of context.
struct HunkBuilder: Sendable {
    let oldLines: [[UInt8]]
    let newLines: [[UInt8]]
    let script: EditScript
    let context: Int

    /// The hunks of the script; empty when it contains no changes.
    func hunks() -> [Hunk] {
        let operations = script.operations
        let changeIndices = operations.indices.filter { operations[$0].isChange }
        guard var groupStart = changeIndices.first else {
            return []
        }
        var result: [Hunk] = []
        var groupEnd = groupStart + 1
        for index in changeIndices.dropFirst() {
            // Operations between two changes are all kept lines; merge when the contexts would touch.
            if index - groupEnd <= 2 * context {
                groupEnd = index + 1
            } else {
                result.append(hunk(changes: groupStart..<groupEnd))
                groupStart = index
                groupEnd = index + 1
            }
        }
        result.append(hunk(changes: groupStart..<groupEnd))
        return result
    }

    /// The hunk covering operations `changes`, widened by the context on both sides.
    private func hunk(changes: Range<Int>) -> Hunk {
        let operations = script.operations
        let lower = max(0, changes.lowerBound - context)
        let upper = min(operations.count, changes.upperBound + context)
        var lines: [HunkLine] = []
        lines.reserveCapacity(upper - lower)
        var oldCount = 0
        var newCount = 0
        for operation in operations[lower..<upper] {
            switch operation {
            case .keep(let old, _):
                lines.append(.context(oldLines[old]))
                oldCount += 1
                newCount += 1
            case .delete(let old):
                lines.append(.removed(oldLines[old]))
                oldCount += 1
            case .insert(let new):
                lines.append(.added(newLines[new]))
                newCount += 1
            }
        }
        let (oldIndex, newIndex) = position(before: lower)
        return Hunk(
            oldStart: oldCount == 0 ? oldIndex : oldIndex + 1,
            oldCount: oldCount,
            newStart: newCount == 0 ? newIndex : newIndex + 1,
            newCount: newCount,
            lines: lines
        )
    }

    /// The numbers of old and new lines consumed by the operations before `operationIndex`.
    ///
    /// Operations refer to lines in increasing order, so the first old (new) line referenced at or
    /// after `operationIndex` is that count; when there is none, every line was consumed.
    private func position(before operationIndex: Int) -> (old: Int, new: Int) {
        var old: Int?
        var new: Int?
        for operation in script.operations[operationIndex...] {
            switch operation {
            case .keep(let oldIndex, let newIndex):
                old = old ?? oldIndex
                new = new ?? newIndex
            case .delete(let oldIndex):
                old = old ?? oldIndex
            case .insert(let newIndex):
                new = new ?? newIndex
            }
            if old != nil && new != nil {
                break
            }
        }
        return (old ?? oldLines.count, new ?? newLines.count)
    }
}
