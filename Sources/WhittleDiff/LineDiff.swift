/// Line-based differences between two byte buffers, grouped into hunks.
public enum LineDiff: Sendable {
    /// The hunks turning `old` into `new`, each with up to `context` unchanged lines around its
    /// changes (negative values are treated as 0). Changes separated by at most `2 * context`
    /// unchanged lines share a hunk, as in GNU diff and git. Returns an empty array when the buffers
    /// are identical.
    ///
    /// Lines are split on `"\n"` and compared byte for byte, including their terminator, so a final
    /// line that only gains or loses its newline is reported as changed. See `HunkLine` for how line
    /// bytes are represented.
    public static func hunks(old: [UInt8], new: [UInt8], context: Int = 3) -> [Hunk] {
        if old == new {
            return []
        }
        let oldLines = LineSplitter.lines(of: old)
        let newLines = LineSplitter.lines(of: new)
        let script = editScript(oldLines: oldLines, newLines: newLines)
        return HunkBuilder(
            oldLines: oldLines, newLines: newLines, script: script, context: max(0, context)
        ).hunks()
    }

    /// The lines of `bytes` as `LineDiff` sees them: split after each `"\n"`, terminators included.
    public static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        LineSplitter.lines(of: bytes)
    }

    /// A minimal edit script between two line arrays.
    static func editScript(oldLines: [[UInt8]], newLines: [[UInt8]]) -> EditScript {
        var interner = LineInterner()
        let oldIDs = interner.identifiers(for: oldLines)
        let newIDs = interner.identifiers(for: newLines)

        // Lines that occur in only one file can never be matched; leave them out of the (quadratic in
        // the worst case) search so that heavily rewritten files stay fast. The result is still minimal.
        var inOld = Array(repeating: false, count: interner.count)
        var inNew = Array(repeating: false, count: interner.count)
        for id in oldIDs { inOld[id] = true }
        for id in newIDs { inNew[id] = true }
        let oldKept = oldIDs.indices.filter { inNew[oldIDs[$0]] }
        let newKept = newIDs.indices.filter { inOld[newIDs[$0]] }

        let result = MyersDiff.diff(old: oldKept.map { oldIDs[$0] }, new: newKept.map { newIDs[$0] })
        var removed = Array(repeating: true, count: oldIDs.count)
        var added = Array(repeating: true, count: newIDs.count)
        for (position, index) in oldKept.enumerated() where !result.removed[position] {
            removed[index] = false
        }
        for (position, index) in newKept.enumerated() where !result.added[position] {
            added[index] = false
        }
        BoundaryShifter.shift(removed: &removed, added: &added, old: oldIDs, new: newIDs)
        return EditScript(removed: removed, added: added)
    }
}
