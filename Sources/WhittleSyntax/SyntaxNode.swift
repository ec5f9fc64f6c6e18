/// A top-level piece of a Dockerfile. The nodes of a file are in order and together cover every
/// byte of it, so printing them one after another gives back the file.
public enum SyntaxNode: Sendable, Equatable {
    /// The UTF-8 byte-order mark at the very start of the file.
    case byteOrderMark(Range<Int>)
    /// A parser directive line.
    case directive(Directive)
    /// A comment line (leading blanks and terminator included).
    case comment(Range<Int>)
    /// A line holding nothing but blanks.
    case blank(Range<Int>)
    case instruction(Instruction)

    /// The source bytes this node owns.
    public var range: Range<Int> {
        switch self {
        case .byteOrderMark(let r), .comment(let r), .blank(let r): return r
        case .directive(let d): return d.range
        case .instruction(let i): return i.range
        }
    }

    public var instruction: Instruction? {
        if case .instruction(let i) = self { return i }
        return nil
    }
}
