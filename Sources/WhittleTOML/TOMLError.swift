/// An error raised while parsing a TOML document.
///
/// The position is 1-based. Columns count Unicode scalars from the start of the line
/// (a leading byte-order mark is not counted).
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line on which the problem was detected.
    public let line: Int
    /// The 1-based column (in Unicode scalars) at which the problem was detected.
    public let column: Int
    /// A human-readable description of the problem, without position information.
    public let message: String

    /// Creates an error at the given 1-based position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error formatted as `line L, column C: message`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
