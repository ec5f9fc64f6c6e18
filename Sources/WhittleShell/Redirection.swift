/// A redirection on a simple or compound command: `>file`, `2>&1`, `&>log`, `<<<word`, `<<EOF`.
public struct Redirection: Sendable, Equatable {
    /// The redirection operator.
    public enum Operator: String, Sendable, Equatable {
        case input = "<"
        case output = ">"
        case append = ">>"
        case clobber = ">|"
        case readWrite = "<>"
        case duplicateInput = "<&"
        case duplicateOutput = ">&"
        /// bash `&>file`: standard output and error.
        case outputAndError = "&>"
        /// bash `&>>file`.
        case appendOutputAndError = "&>>"
        /// bash `<<<word`.
        case hereString = "<<<"
        case heredoc = "<<"
        case heredocStrippingTabs = "<<-"
    }

    /// Logical range from the descriptor number (if any) to the end of the target word.
    public let range: Range<Int>
    /// The explicit descriptor before the operator (`2` in `2>&1`), if written.
    public let fileDescriptor: Int?
    /// The operator.
    public let op: Operator
    /// Logical range of the operator.
    public let operatorRange: Range<Int>
    /// The target: a file, a descriptor (`1`), `-`, the here-string, or the heredoc delimiter.
    public let target: Word
    /// For `<<` and `<<-`: the here-document.
    public internal(set) var heredoc: Heredoc?

    /// Creates a redirection.
    public init(
        range: Range<Int>, fileDescriptor: Int?, op: Operator, operatorRange: Range<Int>, target: Word,
        heredoc: Heredoc? = nil
    ) {
        self.range = range
        self.fileDescriptor = fileDescriptor
        self.op = op
        self.operatorRange = operatorRange
        self.target = target
        self.heredoc = heredoc
    }

    /// The descriptor that is redirected: the explicit one, else 0 for input operators and 1 for
    /// output operators (`&>` reports 1).
    public var effectiveFileDescriptor: Int {
        if let fileDescriptor { return fileDescriptor }
        switch op {
        case .input, .readWrite, .duplicateInput, .hereString, .heredoc, .heredocStrippingTabs: return 0
        default: return 1
        }
    }

    /// Whether the redirection closes a descriptor (`>&-`, `<&-`).
    public var closesDescriptor: Bool {
        (op == .duplicateOutput || op == .duplicateInput) && target.literal == "-"
    }

    /// Whether the redirection writes to a file named by `target` (not to a descriptor).
    public var writesFile: Bool {
        switch op {
        case .output, .append, .clobber, .outputAndError, .appendOutputAndError, .readWrite: return true
        case .duplicateOutput:
            guard let literal = target.literal else { return true }
            return literal != "-" && !literal.allSatisfy(\.isNumber)
        default: return false
        }
    }
}

/// The body of a shell here-document (`<<EOF` inside a script). Its lines follow the command
/// line that holds the operator.
public struct Heredoc: Sendable, Equatable {
    /// The delimiter after quote removal.
    public let delimiter: String
    /// Whether the delimiter was quoted: the body is then taken literally, without expansion.
    public let isQuoted: Bool
    /// `<<-`: leading tabs are stripped from body lines and from the delimiter line.
    public let stripsTabs: Bool
    /// Logical range of the body lines, each with its newline; the delimiter line is excluded.
    public internal(set) var body: Range<Int>
    /// Logical range of the closing delimiter line (without its newline), or nil when the input
    /// ended first (the shell then takes the rest of the input as the body).
    public internal(set) var delimiterLine: Range<Int>?

    /// Creates a here-document.
    public init(
        delimiter: String, isQuoted: Bool, stripsTabs: Bool, body: Range<Int>, delimiterLine: Range<Int>?
    ) {
        self.delimiter = delimiter
        self.isQuoted = isQuoted
        self.stripsTabs = stripsTabs
        self.body = body
        self.delimiterLine = delimiterLine
    }

    /// Whether a delimiter line closed the body.
    public var isTerminated: Bool { delimiterLine != nil }
}
