/// The exec ("JSON") form of an instruction, read the way BuildKit reads it.
///
/// BuildKit trims leading space, requires `[`, then decodes the first JSON value with Go's
/// `encoding/json` decoder (text after the array is ignored). Anything that is not valid JSON falls
/// back to the shell form; a valid array that holds a non-string is an error.
enum JSONArrayForm {
    enum Result: Equatable {
        /// A JSON array of strings; `elementRanges` are the offsets of each string literal.
        case strings([String], elementRanges: [Range<Int>], end: Int)
        /// Not a JSON array: the instruction uses the shell form.
        case notJSON
        /// A JSON array holding something other than a string.
        case notStringArray
    }

    static let notStringArrayMessage =
        "when using JSON array syntax, arrays must be comprised of strings only"

    static func parse(_ s: [UInt8], _ range: Range<Int>) -> Result {
        var p = Reader(s: s, i: GoText.trimSpace(s, range, right: false).lowerBound, end: range.upperBound)
        guard p.i < p.end, s[p.i] == UInt8(ascii: "[") else { return .notJSON }
        p.i += 1
        var values: [String] = []
        var ranges: [Range<Int>] = []
        var allStrings = true
        p.skipSpace()
        if p.peek == UInt8(ascii: "]") {
            return .strings([], elementRanges: [], end: p.i + 1)
        }
        while true {
            p.skipSpace()
            let start = p.i
            if p.peek == UInt8(ascii: "\"") {
                guard let str = p.string() else { return .notJSON }
                values.append(str)
                ranges.append(start..<p.i)
            } else {
                guard p.value() else { return .notJSON }
                allStrings = false
            }
            p.skipSpace()
            guard let c = p.peek else { return .notJSON }
            p.i += 1
            if c == UInt8(ascii: "]") { break }
            if c != UInt8(ascii: ",") { return .notJSON }
        }
        return allStrings ? .strings(values, elementRanges: ranges, end: p.i) : .notStringArray
    }

    /// A cursor over JSON text with Go's grammar.
    private struct Reader {
        let s: [UInt8]
        var i: Int
        let end: Int

        var peek: UInt8? { i < end ? s[i] : nil }

        mutating func skipSpace() {
            while i < end, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0A || s[i] == 0x0D { i += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= end, Array(s[i..<i + w.count]) == w else { return false }
            i += w.count
            return true
        }

        /// Any JSON value (validated, not kept).
        mutating func value() -> Bool {
            skipSpace()
            guard let c = peek else { return false }
            switch c {
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if peek == UInt8(ascii: "]") {
                    i += 1
                    return true
                }
                while true {
                    guard value() else { return false }
                    skipSpace()
                    guard let d = peek else { return false }
                    i += 1
                    if d == UInt8(ascii: "]") { return true }
                    if d != UInt8(ascii: ",") { return false }
                }
            case UInt8(ascii: "{"):
                i += 1
                skipSpace()
                if peek == UInt8(ascii: "}") {
                    i += 1
                    return true
                }
                while true {
                    skipSpace()
                    guard peek == UInt8(ascii: "\""), string() != nil else { return false }
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { return false }
                    i += 1
                    guard value() else { return false }
                    skipSpace()
                    guard let d = peek else { return false }
                    i += 1
                    if d == UInt8(ascii: "}") { return true }
                    if d != UInt8(ascii: ",") { return false }
                }
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func number() -> Bool {
            func digit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            if peek == UInt8(ascii: "-") { i += 1 }
            guard digit(peek) else { return false }
            if peek == UInt8(ascii: "0") {
                i += 1
            } else {
                while digit(peek) { i += 1 }
            }
            if peek == UInt8(ascii: ".") {
                i += 1
                guard digit(peek) else { return false }
                while digit(peek) { i += 1 }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                i += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
                guard digit(peek) else { return false }
                while digit(peek) { i += 1 }
            }
            return true
        }

        /// A string literal at `i`, decoded; nil when invalid.
        mutating func string() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            i += 1
            var out: [UInt8] = []
            var pendingHigh: UInt32? = nil
            func flushHigh(_ out: inout [UInt8]) {
                if pendingHigh != nil {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    pendingHigh = nil
                }
            }
            while i < end {
                let c = s[i]
                if c == UInt8(ascii: "\"") {
                    flushHigh(&out)
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c < 0x20 { return nil }
                if c != UInt8(ascii: "\\") {
                    flushHigh(&out)
                    out.append(c)
                    i += 1
                    continue
                }
                i += 1
                guard let e = peek else { return nil }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    flushHigh(&out)
                    out.append(e)
                case UInt8(ascii: "b"): flushHigh(&out); out.append(0x08)
                case UInt8(ascii: "f"): flushHigh(&out); out.append(0x0C)
                case UInt8(ascii: "n"): flushHigh(&out); out.append(0x0A)
                case UInt8(ascii: "r"): flushHigh(&out); out.append(0x0D)
                case UInt8(ascii: "t"): flushHigh(&out); out.append(0x09)
                case UInt8(ascii: "u"):
                    guard i + 4 <= end,
                        s[i..<i + 4].allSatisfy({
                            ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66)
                        }),
                        let v = UInt32(String(decoding: s[i..<i + 4], as: UTF8.self), radix: 16)
                    else { return nil }
                    i += 4
                    if (0xD800..<0xDC00).contains(v) {
                        flushHigh(&out)
                        pendingHigh = v
                    } else if (0xDC00..<0xE000).contains(v) {
                        if let high = pendingHigh {
                            let scalar = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)
                            out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
                            pendingHigh = nil
                        } else {
                            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        }
                    } else {
                        flushHigh(&out)
                        out.append(contentsOf: Array(String(Unicode.Scalar(v)!).utf8))
                    }
                default:
                    return nil
                }
            }
            return nil
        }
    }
}
