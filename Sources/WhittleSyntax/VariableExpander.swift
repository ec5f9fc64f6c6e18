/// Variable substitution as BuildKit performs it on FROM, COPY, ENV, ... (not on RUN, which the
/// shell expands): `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`,
/// `${VAR+alt}`, `${VAR:?message}`, with BuildKit's quoting rules.
///
/// Passes use it to resolve e.g. `FROM python:${PY_VERSION}` from ARG defaults. A name with no
/// value is reported in `unresolved`, so a pass can leave the instruction alone instead of guessing.
public struct VariableExpander: Sendable {
    public let escape: UInt8

    public init(escape: UInt8 = UInt8(ascii: "\\")) { self.escape = escape }

    public struct Expansion: Sendable, Equatable {
        public let value: String
        /// Names that were referenced but had no value (BuildKit substitutes an empty string).
        public let unresolved: [String]
        /// True when the text used a form this expander does not model (e.g. `${VAR/a/b}`).
        public let unsupported: Bool
    }

    /// Expands `text` with `lookup` giving each variable's value (nil when unset).
    public func expand(_ text: String, lookup: (String) -> String?) -> Expansion {
        var unresolved: [String] = []
        var unsupported = false
        let s = Array(text.utf8)
        var i = 0
        let out = word(
            s, &i, end: s.count, stopAt: nil, lookup: lookup, unresolved: &unresolved,
            unsupported: &unsupported)
        return Expansion(
            value: String(decoding: out, as: UTF8.self), unresolved: unresolved, unsupported: unsupported)
    }

    /// Quote removal and escapes only: every `$...` expansion is kept exactly as written.
    public func unquote(_ text: String) -> String {
        var unresolved: [String] = []
        var unsupported = false
        let s = Array(text.utf8)
        var i = 0
        let out = word(
            s, &i, end: s.count, stopAt: nil, lookup: { _ in nil }, unresolved: &unresolved,
            unsupported: &unsupported,
            keepVariables: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// The end of the `$...` expansion starting at `start` (a `$`).
    private func expansionEnd(_ s: [UInt8], _ start: Int, end: Int) -> Int {
        var i = start + 1
        guard i < end else { return i }
        if s[i] == UInt8(ascii: "{") {
            var depth = 0
            while i < end {
                if s[i] == UInt8(ascii: "{") { depth += 1 }
                if s[i] == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return i + 1 }
                }
                i += 1
            }
            return end
        }
        while i < end && isNameByte(s[i]) { i += 1 }
        return i
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_")
    }

    private func word(
        _ s: [UInt8], _ i: inout Int, end: Int, stopAt: UInt8?, lookup: (String) -> String?,
        unresolved: inout [String], unsupported: inout Bool, keepVariables: Bool = false
    ) -> [UInt8] {
        var out: [UInt8] = []
        while i < end {
            let c = s[i]
            if let stopAt, c == stopAt { return out }
            if c == escape {
                if i + 1 < end {
                    out.append(s[i + 1])
                    i += 2
                } else {
                    i += 1
                }
            } else if c == UInt8(ascii: "'") {
                i += 1
                while i < end && s[i] != UInt8(ascii: "'") {
                    out.append(s[i])
                    i += 1
                }
                i += 1
            } else if c == UInt8(ascii: "\"") {
                i += 1
                while i < end && s[i] != UInt8(ascii: "\"") {
                    if s[i] == escape, i + 1 < end,
                        s[i + 1] == UInt8(ascii: "\"") || s[i + 1] == UInt8(ascii: "$") || s[i + 1] == escape
                    {
                        out.append(s[i + 1])
                        i += 2
                    } else if s[i] == UInt8(ascii: "$") && keepVariables {
                        let e = expansionEnd(s, i, end: end)
                        out += s[i..<e]
                        i = e
                    } else if s[i] == UInt8(ascii: "$") {
                        out += dollar(
                            s, &i, end: end, lookup: lookup, unresolved: &unresolved,
                            unsupported: &unsupported)
                    } else {
                        out.append(s[i])
                        i += 1
                    }
                }
                i += 1
            } else if c == UInt8(ascii: "$") && keepVariables {
                let e = expansionEnd(s, i, end: end)
                out += s[i..<e]
                i = e
            } else if c == UInt8(ascii: "$") {
                out += dollar(
                    s, &i, end: end, lookup: lookup, unresolved: &unresolved, unsupported: &unsupported)
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private func dollar(
        _ s: [UInt8], _ i: inout Int, end: Int, lookup: (String) -> String?, unresolved: inout [String],
        unsupported: inout Bool
    ) -> [UInt8] {
        i += 1
        guard i < end else { return [UInt8(ascii: "$")] }
        if s[i] == UInt8(ascii: "{") {
            i += 1
            let nameStart = i
            while i < end && isNameByte(s[i]) { i += 1 }
            let name = String(decoding: s[nameStart..<i], as: UTF8.self)
            guard !name.isEmpty, i < end else {
                unsupported = true
                return []
            }
            let value = lookup(name)
            if s[i] == UInt8(ascii: "}") {
                i += 1
                if value == nil { unresolved.append(name) }
                return Array((value ?? "").utf8)
            }
            var colon = false
            if s[i] == UInt8(ascii: ":") {
                colon = true
                i += 1
            }
            guard i < end else {
                unsupported = true
                return []
            }
            let op = s[i]
            i += 1
            var nestedUnresolved: [String] = []
            let operand = word(
                s, &i, end: end, stopAt: UInt8(ascii: "}"), lookup: lookup, unresolved: &nestedUnresolved,
                unsupported: &unsupported)
            i += 1
            let isSet = colon ? !(value ?? "").isEmpty : value != nil
            switch op {
            case UInt8(ascii: "-"):
                if isSet { return Array(value!.utf8) }
                unresolved += nestedUnresolved
                return operand
            case UInt8(ascii: "+"):
                if isSet {
                    unresolved += nestedUnresolved
                    return operand
                }
                return []
            case UInt8(ascii: "?"):
                if isSet { return Array(value!.utf8) }
                unresolved.append(name)
                return []
            default:
                unsupported = true
                return Array((value ?? "").utf8)
            }
        }
        let nameStart = i
        while i < end && isNameByte(s[i]) { i += 1 }
        guard i > nameStart else { return [UInt8(ascii: "$")] }
        let name = String(decoding: s[nameStart..<i], as: UTF8.self)
        guard let value = lookup(name) else {
            unresolved.append(name)
            return []
        }
        return Array(value.utf8)
    }
}
