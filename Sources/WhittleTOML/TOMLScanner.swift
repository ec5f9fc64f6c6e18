/// A 1-based line and column (in Unicode scalars) within the source text.
struct TOMLPosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

extension TOMLError {
    /// Creates an error at a source position.
    init(_ message: String, at position: TOMLPosition) {
        self.init(line: position.line, column: position.column, message: message)
    }
}

/// A cursor over the Unicode scalars of a TOML document.
///
/// It tracks line and column, understands LF and CRLF line endings, and skips
/// whitespace and comments. String and bare-token lexing live in extensions.
struct TOMLScanner: Sendable {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Creates a scanner positioned at the start of `text`, after a UTF-8 byte-order mark if present.
    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" {
            index = 1
            lineStart = 1
        }
    }

    /// Whether the whole input has been consumed.
    var isAtEnd: Bool { index >= scalars.count }

    /// The position of the next unconsumed scalar.
    var position: TOMLPosition {
        TOMLPosition(line: line, column: index - lineStart + 1)
    }

    /// The scalar `offset` places ahead of the cursor, or `nil` past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let target = index + offset
        return target < scalars.count ? scalars[target] : nil
    }

    /// Moves past `count` scalars on the current line. Never use this to consume a newline.
    mutating func advance(_ count: Int = 1) {
        index = min(index + count, scalars.count)
    }

    /// Whether the cursor is at an LF or a CRLF pair.
    var isAtNewline: Bool {
        peek() == "\n" || (peek() == "\r" && peek(1) == "\n")
    }

    /// Whether the cursor is at a line break or a stray carriage return.
    var isAtLineBreakCharacter: Bool {
        peek() == "\n" || peek() == "\r"
    }

    /// Consumes an LF or CRLF line ending. A carriage return not followed by a line feed is an error.
    mutating func consumeNewline() throws(TOMLError) {
        if peek() == "\r" {
            guard peek(1) == "\n" else {
                throw error("carriage return must be followed by a line feed")
            }
            index += 2
        } else {
            index += 1
        }
        line += 1
        lineStart = index
    }

    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" {
            index += 1
        }
    }

    /// Skips a `#` comment up to, but not including, the end of the line.
    mutating func skipComment() throws(TOMLError) {
        advance()  // '#'
        while let scalar = peek() {
            if scalar == "\n" || scalar == "\r" {
                return  // a stray CR is reported by whoever consumes the line ending
            }
            if scalar.isTOMLControl {
                throw error("control character \(Self.describe(scalar)) is not allowed in comments")
            }
            index += 1
        }
    }

    /// Skips whitespace, comments and newlines, as allowed between array elements.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipWhitespace()
            if peek() == "#" {
                try skipComment()
            } else if isAtLineBreakCharacter {
                try consumeNewline()
            } else {
                return
            }
        }
    }

    /// Finishes a line after a header or key/value pair: allows whitespace and a comment,
    /// then requires a newline or the end of the input.
    mutating func finishLine(after context: String) throws(TOMLError) {
        skipWhitespace()
        if peek() == "#" {
            try skipComment()
        }
        if isAtEnd {
            return
        }
        if isAtLineBreakCharacter {
            try consumeNewline()
            return
        }
        throw error("unexpected \(currentDescription) after \(context); expected a newline or a comment")
    }

    /// Describes the scalar at the cursor for error messages, e.g. `'x'`, `end of line`.
    var currentDescription: String {
        guard let scalar = peek() else { return "end of file" }
        if isAtNewline { return "end of line" }
        return Self.describe(scalar)
    }

    /// Makes an error at `position`, or at the cursor when `position` is `nil`.
    func error(_ message: String, at position: TOMLPosition? = nil) -> TOMLError {
        TOMLError(message, at: position ?? self.position)
    }

    /// Describes a scalar for error messages: printable scalars are quoted, others shown as `U+XXXX`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.isTOMLControl || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
        {
            return "U+" + hex(scalar.value)
        }
        return "'\(scalar)'"
    }

    /// Formats a code point as at least four uppercase hexadecimal digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Unicode.Scalar {
    /// Control characters that TOML forbids unescaped in strings and comments (everything
    /// in U+0000–U+001F and U+007F except tab; line breaks are handled separately by callers).
    var isTOMLControl: Bool {
        (value < 0x20 && self != "\t" && self != "\n") || value == 0x7F
    }

    /// Whether the scalar may appear in a bare key: `A-Z a-z 0-9 _ -`.
    var isBareKeyScalar: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: true
        default: false
        }
    }

    /// Whether the scalar may appear in an unquoted value token (numbers, booleans, and the
    /// date-like text that is detected only to be rejected): `A-Z a-z 0-9 _ + - . :`.
    var isBareValueScalar: Bool {
        isBareKeyScalar || self == "+" || self == "." || self == ":"
    }
}
