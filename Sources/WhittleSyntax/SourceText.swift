/// The bytes of a Dockerfile with a table of line starts.
///
/// Everything inside whittle addresses text by UTF-8 byte offsets into `bytes`. Lines and columns
/// are computed only when something is reported to a person.
public struct SourceText: Sendable {
    /// The file's bytes, exactly as read (after any transcoding of a UTF-16/32 file to UTF-8).
    public let bytes: [UInt8]
    /// The offset of the first byte of every physical line. Always starts with 0.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count {
            starts.append(i + 1)
        }
        self.lineStarts = starts
    }

    public init(_ string: String) { self.init(Array(string.utf8)) }

    /// The 1-based physical line that holds `offset`.
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column (both 1-based; the column counts Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = self.line(of: clamped)
        var column = 1
        var i = lineStarts[line - 1]
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // A continuation byte at `clamped` itself does not start a new scalar.
        return SourceLocation(offset: clamped, line: line, column: column)
    }

    /// The text of a byte range, decoded as UTF-8 (invalid sequences are repaired).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The range of the physical line `line` (1-based), including its line terminator.
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        return start..<end
    }
}

/// A place in a file, for reports. Offsets stay the source of truth inside whittle.
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}
