import WhittleDiff

/// A minimal, strict hunk applier used to check diffs in-process.
enum HunkApplier {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// Applies `hunks` to `old`, requiring every context and removed line to match exactly at the
    /// position given by the hunk header (no fuzz, no offsets).
    static func apply(_ hunks: [Hunk], to old: [UInt8]) throws -> [UInt8] {
        let oldLines = LineDiff.lines(of: old)
        var result: [UInt8] = []
        var cursor = 0
        for hunk in hunks {
            let start = hunk.oldIndex
            guard start >= cursor, start <= oldLines.count else {
                throw Mismatch(description: "hunk \(hunk.header) out of order or out of range")
            }
            for line in oldLines[cursor..<start] { result += line }
            cursor = start
            var oldSeen = 0
            var newSeen = 0
            for line in hunk.lines {
                switch line {
                case .context(let bytes), .removed(let bytes):
                    guard cursor < oldLines.count, oldLines[cursor] == bytes else {
                        throw Mismatch(
                            description: "hunk \(hunk.header) does not match old line \(cursor + 1)")
                    }
                    cursor += 1
                    oldSeen += 1
                    if case .context = line {
                        result += bytes
                        newSeen += 1
                    }
                case .added(let bytes):
                    result += bytes
                    newSeen += 1
                }
            }
            guard oldSeen == hunk.oldCount, newSeen == hunk.newCount else {
                throw Mismatch(description: "hunk \(hunk.header) counts do not match its lines")
            }
        }
        for line in oldLines[cursor...] { result += line }
        return result
    }
}
