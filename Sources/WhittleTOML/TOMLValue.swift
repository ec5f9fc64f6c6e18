/// A value in a TOML document.
///
/// Dates and times are intentionally not representable: the parser rejects them.
public indirect enum TOMLValue: Sendable, Equatable {
    /// A basic, literal or multi-line string.
    case string(String)
    /// A 64-bit signed integer (decimal, hexadecimal, octal or binary in the source).
    case integer(Int)
    /// A floating-point number, including `inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An array; elements may have different types.
    case array([TOMLValue])
    /// A table, whether defined by a header, dotted keys, an inline table or an array of tables.
    case table(TOMLTable)

    /// The TOML type name of this value: `string`, `integer`, `float`, `boolean`, `array` or `table`.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .array: "array"
        case .table: "table"
        }
    }

    /// The string payload, or `nil` if this is not a string.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer payload, or `nil` if this is not an integer.
    public var intValue: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The numeric payload as a `Double`: floats as-is and integers converted; `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .float(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The boolean payload, or `nil` if this is not a boolean.
    public var boolValue: Bool? {
        if case .boolean(let value) = self { value } else { nil }
    }

    /// The array elements, or `nil` if this is not an array.
    public var arrayValue: [TOMLValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The table payload, or `nil` if this is not a table.
    public var tableValue: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }
}
