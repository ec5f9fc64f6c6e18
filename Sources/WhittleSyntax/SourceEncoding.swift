/// How the bytes of a file are encoded, and the check that they are a readable text Dockerfile.
///
/// BuildKit reads Dockerfiles as UTF-8, optionally behind a UTF-8 byte-order mark. whittle refuses
/// everything else with a message that says what it found. A UTF-16 or UTF-32 file (recognised by
/// its byte-order mark) is transcoded so that the lossless printer can still reproduce it, but the
/// optimizer never touches it: `SourceEncoding.rejection` names the problem for every command
/// other than `parse --print`.
public enum SourceEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case utf32LE = "UTF-32LE"
    case utf32BE = "UTF-32BE"

    /// The encoding announced by a byte-order mark at the start of `bytes` (UTF-8 otherwise).
    public static func detect(_ bytes: [UInt8]) -> SourceEncoding {
        func starts(_ p: [UInt8]) -> Bool { bytes.count >= p.count && Array(bytes[0..<p.count]) == p }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return .utf32BE }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return .utf32LE }
        if starts([0xFE, 0xFF]) { return .utf16BE }
        if starts([0xFF, 0xFE]) { return .utf16LE }
        return .utf8
    }

    /// The error every optimizing command reports for a file in this encoding, or nil for UTF-8.
    public var rejection: SyntaxError? {
        guard self != .utf8 else { return nil }
        return SyntaxError(
            .unreadable,
            "the file is \(rawValue) (it starts with a \(rawValue) byte-order mark); "
                + "Docker reads Dockerfiles as UTF-8: convert it with `iconv -f \(rawValue) -t UTF-8`",
            line: 1)
    }

    /// Decodes a file in this encoding to UTF-8 bytes, or nil when it is not valid.
    public func decode(_ bytes: [UInt8]) -> [UInt8]? {
        switch self {
        case .utf8:
            return bytes
        case .utf16LE, .utf16BE:
            guard bytes.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i < bytes.count {
                let a = UInt16(bytes[i])
                let b = UInt16(bytes[i + 1])
                units.append(self == .utf16LE ? a | b << 8 : a << 8 | b)
                i += 2
            }
            var out: [UInt8] = []
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): out.append(contentsOf: Array(String(s).utf8))
                case .emptyInput: break loop
                case .error: return nil
                }
            }
            return out
        case .utf32LE, .utf32BE:
            guard bytes.count % 4 == 0 else { return nil }
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let w: [UInt32] = (0..<4).map { UInt32(bytes[i + $0]) }
                let v =
                    self == .utf32LE
                    ? w[0] | w[1] << 8 | w[2] << 16 | w[3] << 24 : w[3] | w[2] << 8 | w[1] << 16 | w[0] << 24
                guard let s = Unicode.Scalar(v) else { return nil }
                out.append(contentsOf: Array(String(s).utf8))
                i += 4
            }
            return out
        }
    }

    /// Encodes UTF-8 bytes back to this encoding (the inverse of `decode`).
    public func encode(_ utf8: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            return utf8
        case .utf16LE, .utf16BE:
            var out: [UInt8] = []
            for unit in String(decoding: utf8, as: UTF8.self).utf16 {
                let hi = UInt8(unit >> 8)
                let lo = UInt8(unit & 0xFF)
                out.append(contentsOf: self == .utf16LE ? [lo, hi] : [hi, lo])
            }
            return out
        case .utf32LE, .utf32BE:
            var out: [UInt8] = []
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
                let v = scalar.value
                let b = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
                out.append(contentsOf: self == .utf32LE ? b : b.reversed())
            }
            return out
        }
    }

    /// Checks that UTF-8 bytes are text: valid UTF-8 and no NUL byte. Returns the problem, if any.
    public static func validateUTF8Text(_ bytes: [UInt8]) -> SyntaxError? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    let loc = SourceText(bytes).location(of: i)
                    return SyntaxError(
                        .unreadable, "binary data (a NUL byte); this is not a text Dockerfile",
                        line: loc.line, column: loc.column)
                }
                i += 1
                continue
            }
            let width: Int
            var minimum: UInt32
            var value: UInt32
            if b & 0xE0 == 0xC0 {
                width = 2
                minimum = 0x80
                value = UInt32(b & 0x1F)
            } else if b & 0xF0 == 0xE0 {
                width = 3
                minimum = 0x800
                value = UInt32(b & 0x0F)
            } else if b & 0xF8 == 0xF0 {
                width = 4
                minimum = 0x10000
                value = UInt32(b & 0x07)
            } else {
                width = 0
                minimum = 0
                value = 0
            }
            var ok = width > 0 && i + width <= n
            if ok {
                for k in 1..<width {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 {
                        ok = false
                        break
                    }
                    value = value << 6 | UInt32(c & 0x3F)
                }
            }
            if ok && (value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value)) { ok = false }
            if !ok {
                let loc = SourceText(bytes).location(of: i)
                return SyntaxError(
                    .unreadable, "invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true)))",
                    line: loc.line, column: loc.column)
            }
            i += width
        }
        return nil
    }
}
