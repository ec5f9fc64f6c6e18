/// Text assembled from pieces of a source file, with a map from every byte back to the file.
///
/// BuildKit joins the physical lines of an instruction into one logical line: it removes the line
/// continuation (escape character, trailing blanks and the newline) and drops comment lines and
/// empty lines inside the continuation. Passes read the logical text, as BuildKit does, and use
/// the map to edit the file itself.
public struct MappedText: Sendable, Equatable {
    /// A run of logical bytes that is a contiguous run of source bytes.
    public struct Segment: Sendable, Equatable {
        public let logicalStart: Int
        public let sourceStart: Int
        public let length: Int

        public init(logicalStart: Int, sourceStart: Int, length: Int) {
            self.logicalStart = logicalStart
            self.sourceStart = sourceStart
            self.length = length
        }
    }

    /// The logical bytes (UTF-8).
    public private(set) var bytes: [UInt8] = []
    /// Ordered segments covering `bytes` contiguously.
    public private(set) var segments: [Segment] = []

    /// Where an empty text sits in the source (its segments cannot say).
    public private(set) var anchor: Int = 0

    public init() {}

    /// An empty text anchored at a source offset.
    public init(anchor: Int) { self.anchor = anchor }

    /// Appends `source[range]` as the next piece of the logical text.
    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = segments.last, last.sourceStart + last.length == range.lowerBound {
            segments[segments.count - 1] = Segment(
                logicalStart: last.logicalStart, sourceStart: last.sourceStart,
                length: last.length + range.count)
        } else {
            segments.append(
                Segment(logicalStart: bytes.count, sourceStart: range.lowerBound, length: range.count))
        }
        bytes.append(contentsOf: source[range])
    }

    /// The source offset of logical byte `offset`; `bytes.count` maps to the end of the last piece.
    public func sourceOffset(ofLogical offset: Int) -> Int {
        guard !segments.isEmpty else { return anchor }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].logicalStart <= offset { low = mid } else { high = mid - 1 }
        }
        let s = segments[low]
        return s.sourceStart + min(offset - s.logicalStart, s.length)
    }

    /// The source range from the first to the last byte of a logical range. An empty logical
    /// range maps to an empty source range at its position.
    public func sourceRange(ofLogical range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at = sourceOffset(ofLogical: range.lowerBound)
            return at..<at
        }
        let start = sourceOffset(ofLogical: range.lowerBound)
        let end = sourceOffset(ofLogical: range.upperBound - 1) + 1
        return start..<end
    }

    /// Whether a logical range is one contiguous run of the source (no continuation inside).
    public func isContiguous(_ range: Range<Int>) -> Bool {
        sourceRange(ofLogical: range).count == range.count
    }

    /// The logical text of a range as a string.
    public func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The whole logical text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The piece of this text in `range`, keeping its map to the source.
    public func slice(_ range: Range<Int>) -> MappedText {
        var out = MappedText(anchor: sourceOffset(ofLogical: range.lowerBound))
        for s in segments {
            let lo = max(s.logicalStart, range.lowerBound)
            let hi = min(s.logicalStart + s.length, range.upperBound)
            if lo < hi {
                let src = s.sourceStart + (lo - s.logicalStart)
                out.segments.append(Segment(logicalStart: out.bytes.count, sourceStart: src, length: hi - lo))
                out.bytes.append(contentsOf: bytes[lo..<hi])
            }
        }
        return out
    }
}
