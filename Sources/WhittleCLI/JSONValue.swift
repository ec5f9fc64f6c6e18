/// A JSON value with ordered object keys, and a compact, deterministic encoder.
///
/// whittle's machine-readable outputs (parse dumps, findings, SARIF, rdjson) are written with
/// this rather than Foundation's serializer: key order is stable and encoding is fast.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.encoded() == rhs.encoded()
    }

    /// Compact JSON text.
    public func encoded() -> String {
        var out: [UInt8] = []
        encode(into: &out, indent: nil, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON text (2 spaces).
    public func pretty() -> String {
        var out: [UInt8] = []
        encode(into: &out, indent: 2, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    func encode(into out: inout [UInt8], indent: Int?, depth: Int) {
        func newline(_ d: Int) {
            guard let indent else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent * d))
        }
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .double(let d):
            out += Array(
                (d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null").utf8)
        case .string(let s): Self.encodeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                item.encode(into: &out, indent: indent, depth: depth + 1)
            }
            if !items.isEmpty { newline(depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                Self.encodeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(0x20) }
                value.encode(into: &out, indent: indent, depth: depth + 1)
            }
            if !members.isEmpty { newline(depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func encodeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
