/// Interprets unquoted value tokens: booleans, integers, floats, and (to reject them) dates and times.
enum TOMLBareValue {
    /// Lexes the unquoted token at the cursor and converts it to a value.
    static func scan(_ scanner: inout TOMLScanner) throws(TOMLError) -> TOMLValue {
        let start = scanner.position
        var token: [UInt8] = []
        while let scalar = scanner.peek(), scalar.isBareValueScalar {
            token.append(UInt8(scalar.value))
            scanner.advance()
        }
        return try parse(token, at: start)
    }

    /// Converts an ASCII token to a value, or throws an error positioned at the token's start.
    static func parse(_ token: [UInt8], at start: TOMLPosition) throws(TOMLError) -> TOMLValue {
        let text = String(decoding: token, as: UTF8.self)
        func fail(_ message: String) -> TOMLError {
            TOMLError(message, at: start)
        }

        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        if looksLikeDateOrTime(token) {
            throw fail("dates are not supported")
        }
        guard let first = token.first,
            isDecimalDigit(first) || first == plus || first == minus || first == dot
        else {
            let lowered = text.lowercased()
            if lowered == "true" || lowered == "false" {
                throw fail("invalid value '\(text)'; booleans are lowercase 'true' or 'false'")
            }
            throw fail("invalid value '\(text)'; strings must be quoted")
        }

        var index = 0
        let hasSign = first == plus || first == minus
        if hasSign {
            index = 1
        }

        // Hexadecimal, octal and binary integers.
        if index + 1 < token.count, token[index] == zero, let radix = prefixRadix(token[index + 1]) {
            if hasSign {
                throw fail("a sign is not allowed on hexadecimal, octal or binary integers")
            }
            let digitsStart = index + 2
            guard digitsStart < token.count else {
                throw fail(
                    "invalid number '\(text)': expected digits after '0\(Character(Unicode.Scalar(token[index + 1])))'"
                )
            }
            let end = try scanDigits(token, from: digitsStart, radix: radix, text: text, fail: fail)
            guard end == token.count else {
                throw fail("invalid number '\(text)'")
            }
            let digits = String(decoding: token[digitsStart...].filter { $0 != underscore }, as: UTF8.self)
            guard let value = Int(digits, radix: radix) else {
                throw fail("integer '\(text)' does not fit in 64 bits")
            }
            return .integer(value)
        }

        // Decimal integers and floats.
        guard index < token.count, isDecimalDigit(token[index]) else {
            throw fail("invalid number '\(text)'")
        }
        let integerStart = index
        index = try scanDigits(token, from: index, radix: 10, text: text, fail: fail)
        let integerDigits = token[integerStart..<index].filter { $0 != underscore }
        if integerDigits.count > 1 && integerDigits.first == zero {
            throw fail("invalid number '\(text)': leading zeros are not allowed")
        }
        var isFloat = false
        if index < token.count && token[index] == dot {
            isFloat = true
            index += 1
            guard index < token.count, isDecimalDigit(token[index]) else {
                throw fail("invalid float '\(text)': expected a digit after the decimal point")
            }
            index = try scanDigits(token, from: index, radix: 10, text: text, fail: fail)
        }
        if index < token.count && (token[index] == lowerE || token[index] == upperE) {
            isFloat = true
            index += 1
            if index < token.count && (token[index] == plus || token[index] == minus) {
                index += 1
            }
            guard index < token.count, isDecimalDigit(token[index]) else {
                throw fail("invalid float '\(text)': expected a digit in the exponent")
            }
            index = try scanDigits(token, from: index, radix: 10, text: text, fail: fail)
        }
        guard index == token.count else {
            throw fail("invalid number '\(text)'")
        }

        let cleaned = String(decoding: token.filter { $0 != underscore }, as: UTF8.self)
        if isFloat {
            guard let value = Double(cleaned), value.isFinite else {
                throw fail("float '\(text)' is out of range")
            }
            return .float(value)
        }
        guard let value = Int(cleaned) else {
            throw fail("integer '\(text)' does not fit in 64 bits")
        }
        return .integer(value)
    }

    /// Consumes a run of digits in `radix` starting at `start` (which must be a digit) where each
    /// underscore sits between two digits. Returns the index after the run.
    private static func scanDigits(
        _ token: [UInt8], from start: Int, radix: Int, text: String, fail: (String) -> TOMLError
    ) throws(TOMLError) -> Int {
        var index = start
        guard index < token.count, isDigit(token[index], radix: radix) else {
            throw fail("invalid number '\(text)'")
        }
        while index < token.count {
            let byte = token[index]
            if isDigit(byte, radix: radix) {
                index += 1
            } else if byte == underscore {
                guard index + 1 < token.count, isDigit(token[index + 1], radix: radix) else {
                    throw fail("invalid number '\(text)': underscores must be between digits")
                }
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// `YYYY-MM...` (date or date-time) or `HH:MM...` (time).
    private static func looksLikeDateOrTime(_ token: [UInt8]) -> Bool {
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= token.count && token[range].allSatisfy(isDecimalDigit)
        }
        if digits(0..<4) && token.count > 4 && token[4] == minus && digits(5..<7) {
            return true
        }
        return digits(0..<2) && token.count > 2 && token[2] == colon && digits(3..<5)
    }

    private static func prefixRadix(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch radix {
        case 2: byte == zero || byte == UInt8(ascii: "1")
        case 8: byte >= zero && byte <= UInt8(ascii: "7")
        case 16:
            isDecimalDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
        default: isDecimalDigit(byte)
        }
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= zero && byte <= UInt8(ascii: "9")
    }

    private static let zero = UInt8(ascii: "0")
    private static let plus = UInt8(ascii: "+")
    private static let minus = UInt8(ascii: "-")
    private static let dot = UInt8(ascii: ".")
    private static let colon = UInt8(ascii: ":")
    private static let underscore = UInt8(ascii: "_")
    private static let lowerE = UInt8(ascii: "e")
    private static let upperE = UInt8(ascii: "E")
}
