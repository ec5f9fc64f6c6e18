/// A reason a file cannot be read as a Dockerfile, with the place it was found.
///
/// The messages follow BuildKit's where BuildKit reports the same problem, so a user who knows
/// `docker build`'s errors recognises them.
public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not text whittle can read: wrong encoding, binary data, invalid UTF-8.
        case unreadable
        /// Text, but BuildKit would reject it (unterminated heredoc, bad directive, ...).
        case syntax
    }

    public let kind: Kind
    public let message: String
    /// 1-based line and column of the problem.
    public let line: Int
    public let column: Int

    public init(_ kind: Kind, _ message: String, line: Int, column: Int = 1) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): error: \(message)" }
}
