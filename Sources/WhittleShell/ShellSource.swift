/// The text a shell sees for one RUN, with a map from each logical byte back to the Dockerfile.
///
/// A shell-form RUN may span several physical lines: BuildKit removes each line continuation
/// (escape character + newline) and drops comment lines inside the continuation before it hands
/// the string to `/bin/sh -c`. The result, the *logical* text, is what this module parses. Every
/// span it reports is a range of logical offsets; `sourceRange(ofLogical:)` turns it into a range
/// of Dockerfile byte offsets so that a pass can edit the file minimally.
public struct ShellSource: Sendable {
    /// A run of logical bytes that are also contiguous in the Dockerfile.
    public struct Segment: Sendable, Equatable {
        /// Offset of the segment's first byte in the logical text.
        public let logicalStart: Int
        /// Offset of the segment's first byte in the Dockerfile.
        public let sourceStart: Int
        /// Number of bytes in the segment.
        public let length: Int

        /// Creates a segment.
        public init(logicalStart: Int, sourceStart: Int, length: Int) {
            self.logicalStart = logicalStart
            self.sourceStart = sourceStart
            self.length = length
        }

        /// Logical offset just past the segment.
        public var logicalEnd: Int { logicalStart + length }
        /// Dockerfile offset just past the segment.
        public var sourceEnd: Int { sourceStart + length }
    }

    /// The UTF-8 logical script.
    public let text: [UInt8]
    /// Ordered segments, contiguous in logical space, covering all of `text`.
    public let segments: [Segment]

    /// Creates a source from the logical text and its segments.
    public init(text: [UInt8], segments: [Segment]) {
        self.text = text
        self.segments = segments
    }

    /// Creates a single-segment source: the logical text starts at `sourceOffset` in the file.
    public init(text: [UInt8], sourceOffset: Int) {
        self.text = text
        self.segments = [Segment(logicalStart: 0, sourceStart: sourceOffset, length: text.count)]
    }

    /// Creates a single-segment source from a string (convenient in tests).
    public init(_ string: String, sourceOffset: Int = 0) {
        self.init(text: Array(string.utf8), sourceOffset: sourceOffset)
    }

    /// The Dockerfile offset of the logical byte at `offset`. `offset == text.count` maps to the end
    /// of the last segment. Offsets out of bounds are clamped.
    public func sourceOffset(ofLogical offset: Int) -> Int {
        guard let last = segments.last else { return offset }
        if offset >= text.count || offset >= last.logicalEnd { return last.sourceEnd }
        if offset <= 0 { return segments[0].sourceStart + max(0, offset - segments[0].logicalStart) }
        // Largest segment index whose start is <= offset.
        var lo = 0
        var hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].logicalStart <= offset { lo = mid } else { hi = mid - 1 }
        }
        let segment = segments[lo]
        return segment.sourceStart + (offset - segment.logicalStart)
    }

    /// The Dockerfile offset just past the logical byte at `offset - 1`: the place to insert text
    /// that must stay attached to what precedes it (before a removed line continuation, not after).
    public func sourceEnd(ofLogical offset: Int) -> Int {
        guard offset > 0 else { return sourceOffset(ofLogical: 0) }
        return sourceOffset(ofLogical: offset - 1) + 1
    }

    /// The Dockerfile range from the start of the range's first byte to the end of its last byte.
    /// An empty range maps to an empty range at `sourceOffset(ofLogical: range.lowerBound)`.
    public func sourceRange(ofLogical range: Range<Int>) -> Range<Int> {
        let lower = sourceOffset(ofLogical: range.lowerBound)
        guard !range.isEmpty else { return lower..<lower }
        let upper = max(lower, sourceEnd(ofLogical: range.upperBound))
        return lower..<upper
    }

    /// The logical text of a range, decoded as UTF-8 (invalid bytes become U+FFFD).
    public func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, text.count))
        let upper = max(lower, min(range.upperBound, text.count))
        return String(decoding: text[lower..<upper], as: UTF8.self)
    }

    /// The whole logical text as a string.
    public var string: String { String(decoding: text, as: UTF8.self) }
}
