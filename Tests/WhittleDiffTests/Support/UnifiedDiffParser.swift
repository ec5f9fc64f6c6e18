import WhittleDiff

/// Parses unified diff text produced by `UnifiedDiff` back into hunks (test-only, strict).
enum UnifiedDiffParser {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    struct Parsed: Equatable {
        var oldPath: String
        var newPath: String
        var hunks: [Hunk]
    }

    static func parse(_ text: [UInt8]) throws -> Parsed {
        // Split keeping terminators; every diff line must end with "\n".
        var rawLines = LineDiff.lines(of: text)
        guard rawLines.allSatisfy({ $0.last == 0x0A }) else {
            throw Malformed(description: "diff text line without newline")
        }
        rawLines.reverse()
        func pop() -> [UInt8]? { rawLines.popLast() }

        guard let oldHeader = pop(), let newHeader = pop(),
            let oldPath = path(oldHeader, prefix: "--- a/"),
            let newPath = path(newHeader, prefix: "+++ b/")
        else {
            throw Malformed(description: "bad file headers")
        }
        var hunks: [Hunk] = []
        while let headerLine = pop() {
            guard var hunk = parseHeader(headerLine) else {
                throw Malformed(description: "bad hunk header \(String(decoding: headerLine, as: UTF8.self))")
            }
            var oldLeft = hunk.oldCount
            var newLeft = hunk.newCount
            while oldLeft > 0 || newLeft > 0 {
                guard var line = pop(), let prefix = line.first else {
                    throw Malformed(description: "hunk \(hunk.header) truncated")
                }
                line.removeFirst()
                if rawLines.last == HunkLine.noNewlineMarker {
                    _ = pop()
                    line.removeLast()
                }
                switch prefix {
                case UInt8(ascii: " "):
                    hunk.lines.append(.context(line))
                    oldLeft -= 1
                    newLeft -= 1
                case UInt8(ascii: "-"):
                    hunk.lines.append(.removed(line))
                    oldLeft -= 1
                case UInt8(ascii: "+"):
                    hunk.lines.append(.added(line))
                    newLeft -= 1
                default:
                    throw Malformed(description: "bad line prefix \(prefix)")
                }
                if oldLeft < 0 || newLeft < 0 {
                    throw Malformed(description: "hunk \(hunk.header) has too many lines")
                }
            }
            hunks.append(hunk)
        }
        return Parsed(oldPath: oldPath, newPath: newPath, hunks: hunks)
    }

    private static func path(_ line: [UInt8], prefix: String) -> String? {
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        guard text.hasPrefix(prefix) else { return nil }
        return String(text.dropFirst(prefix.count))
    }

    /// Parses `@@ -a[,b] +c[,d] @@\n`.
    private static func parseHeader(_ line: [UInt8]) -> Hunk? {
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("@@ -"), text.hasSuffix(" @@\n") else { return nil }
        let inner = text.dropFirst(4).dropLast(4)
        let parts = inner.split(separator: " ")
        guard parts.count == 2, parts[1].first == "+" else { return nil }
        guard let old = range(parts[0]), let new = range(parts[1].dropFirst()) else { return nil }
        return Hunk(oldStart: old.0, oldCount: old.1, newStart: new.0, newCount: new.1, lines: [])
    }

    private static func range(_ text: Substring) -> (Int, Int)? {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = Int(pieces[0]) else { return nil }
        if pieces.count == 1 { return (start, 1) }
        guard pieces.count == 2, let count = Int(pieces[1]), count != 1 else { return nil }
        return (start, count)
    }
}
