/// One line of a hunk.
///
/// The payload is the line's bytes exactly as they appear in the file, **including** its terminating
/// `"\n"` (and a `"\r"` before it, for CRLF files). Only the last line of a file can lack the `"\n"`;
/// such a line is rendered with a `\ No newline at end of file` marker after it. Concatenating the
/// payloads of the context and removed lines of a hunk gives the old text it covers; the context and
/// added lines give the new text.
public enum HunkLine: Sendable, Equatable, Hashable {
    /// A line present in both files.
    case context([UInt8])
    /// A line present only in the old file.
    case removed([UInt8])
    /// A line present only in the new file.
    case added([UInt8])

    /// The line's bytes, including its terminating newline when it has one.
    public var bytes: [UInt8] {
        switch self {
        case .context(let bytes), .removed(let bytes), .added(let bytes):
            return bytes
        }
    }

    /// Whether the line ends with `"\n"`. False only for a final line without a newline.
    public var hasNewline: Bool {
        bytes.last == LineSplitter.newline
    }

    /// The unified diff prefix byte: `" "`, `"-"` or `"+"`.
    public var prefix: UInt8 {
        switch self {
        case .context: return UInt8(ascii: " ")
        case .removed: return UInt8(ascii: "-")
        case .added: return UInt8(ascii: "+")
        }
    }

    /// Whether the line exists in the old file (context or removed).
    public var isInOld: Bool {
        if case .added = self { return false }
        return true
    }

    /// Whether the line exists in the new file (context or added).
    public var isInNew: Bool {
        if case .removed = self { return false }
        return true
    }

    /// The line as it appears in a unified diff: prefix, bytes, and, when the line has no newline,
    /// a newline followed by `\ No newline at end of file`.
    public var unifiedBytes: [UInt8] {
        var result: [UInt8] = [prefix]
        result.append(contentsOf: bytes)
        if !hasNewline {
            result.append(LineSplitter.newline)
            result.append(contentsOf: HunkLine.noNewlineMarker)
        }
        return result
    }

    /// `\ No newline at end of file` followed by a newline, as emitted by GNU diff and git.
    public static let noNewlineMarker: [UInt8] = Array("\\ No newline at end of file\n".utf8)
}
