/// String lexing: basic, literal, multi-line basic and multi-line literal strings.
extension TOMLScanner {
    /// Whether the cursor is at a triple quote of the given kind (`"""` or `'''`).
    func isAtTripleQuote(_ quote: Unicode.Scalar) -> Bool {
        peek() == quote && peek(1) == quote && peek(2) == quote
    }

    /// Lexes any string value starting at the cursor, which must be at `"` or `'`.
    mutating func scanString() throws(TOMLError) -> String {
        let quote = peek()!
        if isAtTripleQuote(quote) {
            return quote == "\"" ? try scanMultilineBasicString() : try scanMultilineLiteralString()
        }
        return quote == "\"" ? try scanBasicString() : try scanLiteralString()
    }

    /// Lexes a single-line basic string `"..."` with escapes.
    mutating func scanBasicString() throws(TOMLError) -> String {
        let start = position
        advance()  // opening quote
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), !isAtLineBreakCharacter else {
                throw error("unterminated string", at: start)
            }
            switch scalar {
            case "\"":
                advance()
                return String(result)
            case "\\":
                result.append(try scanEscape(stringStart: start))
            default:
                try checkNotControl(scalar)
                result.append(scalar)
                advance()
            }
        }
    }

    /// Lexes a single-line literal string `'...'` (no escapes).
    mutating func scanLiteralString() throws(TOMLError) -> String {
        let start = position
        advance()  // opening quote
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), !isAtLineBreakCharacter else {
                throw error("unterminated literal string", at: start)
            }
            if scalar == "'" {
                advance()
                return String(result)
            }
            try checkNotControl(scalar)
            result.append(scalar)
            advance()
        }
    }

    /// Lexes a multi-line basic string `"""..."""`.
    ///
    /// A newline right after the opening delimiter is trimmed, CRLF is normalized to LF, and a
    /// backslash that ends a line (optionally followed by spaces or tabs) removes the line break
    /// and all whitespace and newlines up to the next non-whitespace character.
    mutating func scanMultilineBasicString() throws(TOMLError) -> String {
        let start = position
        advance(3)
        if isAtNewline {
            try consumeNewline()
        }
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else {
                throw error("unterminated multi-line string", at: start)
            }
            switch scalar {
            case "\"":
                if scanQuotesOrClose("\"", into: &result) {
                    return String(result)
                }
            case "\\":
                if isAtLineEndingBackslash {
                    advance()
                    while true {
                        if peek() == " " || peek() == "\t" {
                            advance()
                        } else if isAtLineBreakCharacter {
                            try consumeNewline()
                        } else {
                            break
                        }
                    }
                } else {
                    result.append(try scanEscape(stringStart: start))
                }
            case "\n", "\r":
                try consumeNewline()
                result.append("\n")
            default:
                try checkNotControl(scalar)
                result.append(scalar)
                advance()
            }
        }
    }

    /// Lexes a multi-line literal string `'''...'''` (no escapes; first newline trimmed, CRLF normalized).
    mutating func scanMultilineLiteralString() throws(TOMLError) -> String {
        let start = position
        advance(3)
        if isAtNewline {
            try consumeNewline()
        }
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else {
                throw error("unterminated multi-line literal string", at: start)
            }
            switch scalar {
            case "'":
                if scanQuotesOrClose("'", into: &result) {
                    return String(result)
                }
            case "\n", "\r":
                try consumeNewline()
                result.append("\n")
            default:
                try checkNotControl(scalar)
                result.append(scalar)
                advance()
            }
        }
    }

    /// Handles a run of quote characters inside a multi-line string. Fewer than three are content.
    /// Three or more close the string, and up to two extra quotes before the closing delimiter are
    /// content (so `""""` ends a string with one quote). Returns whether the string was closed.
    private mutating func scanQuotesOrClose(
        _ quote: Unicode.Scalar, into result: inout String.UnicodeScalarView
    ) -> Bool {
        var run = 0
        while peek(run) == quote {
            run += 1
        }
        let content = run < 3 ? run : min(run - 3, 2)
        result.append(contentsOf: repeatElement(quote, count: content))
        advance(run < 3 ? run : content + 3)
        return run >= 3
    }

    /// Whether the cursor is at a backslash followed by optional spaces/tabs and a line ending.
    private var isAtLineEndingBackslash: Bool {
        var offset = 1
        while peek(offset) == " " || peek(offset) == "\t" {
            offset += 1
        }
        return peek(offset) == "\n" || (peek(offset) == "\r" && peek(offset + 1) == "\n")
    }

    /// Lexes an escape sequence at the cursor (which is at the backslash) and returns its scalar.
    private mutating func scanEscape(stringStart: TOMLPosition) throws(TOMLError) -> Unicode.Scalar {
        let start = position
        advance()  // backslash
        guard let scalar = peek() else {
            throw error("unterminated string", at: stringStart)
        }
        switch scalar {
        case "b":
            advance()
            return "\u{08}"
        case "t":
            advance()
            return "\t"
        case "n":
            advance()
            return "\n"
        case "f":
            advance()
            return "\u{0C}"
        case "r":
            advance()
            return "\r"
        case "\"":
            advance()
            return "\""
        case "\\":
            advance()
            return "\\"
        case "u": return try scanUnicodeEscape(digits: 4, start: start)
        case "U": return try scanUnicodeEscape(digits: 8, start: start)
        default:
            if isAtLineBreakCharacter || scalar == " " || scalar == "\t" || scalar.isTOMLControl {
                throw error("invalid escape sequence: backslash followed by \(currentDescription)", at: start)
            }
            throw error("invalid escape sequence '\\\(scalar)'", at: start)
        }
    }

    /// Lexes the hex digits of a `\u` or `\U` escape; the cursor is at the `u` or `U`.
    private mutating func scanUnicodeEscape(digits: Int, start: TOMLPosition) throws(TOMLError)
        -> Unicode.Scalar
    {
        let letter = peek()!
        advance()
        var value: UInt32 = 0
        var text = ""
        for _ in 0..<digits {
            guard let scalar = peek(), let digit = hexDigitValue(scalar) else {
                throw error(
                    "invalid unicode escape '\\\(letter)\(text)': expected \(digits) hexadecimal digits",
                    at: start)
            }
            value = value << 4 | digit
            text.unicodeScalars.append(scalar)
            advance()
        }
        guard let result = Unicode.Scalar(value) else {
            throw error("invalid unicode escape '\\\(letter)\(text)': not a Unicode scalar value", at: start)
        }
        return result
    }

    private func hexDigitValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }

    /// Rejects control characters, which must be escaped inside strings.
    private func checkNotControl(_ scalar: Unicode.Scalar) throws(TOMLError) {
        if scalar.isTOMLControl {
            throw error("control character \(Self.describe(scalar)) must be escaped")
        }
    }
}
