/// Literal conformances so that values and tables can be written concisely,
/// e.g. `let defaults: TOMLTable = ["select": ["merge-runs"], "unsafe-fixes": false]`.
extension TOMLValue: ExpressibleByStringLiteral {
    /// Creates a `.string` value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TOMLValue: ExpressibleByIntegerLiteral {
    /// Creates an `.integer` value.
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }
}

extension TOMLValue: ExpressibleByFloatLiteral {
    /// Creates a `.float` value.
    public init(floatLiteral value: Double) {
        self = .float(value)
    }
}

extension TOMLValue: ExpressibleByBooleanLiteral {
    /// Creates a `.boolean` value.
    public init(booleanLiteral value: Bool) {
        self = .boolean(value)
    }
}

extension TOMLValue: ExpressibleByArrayLiteral {
    /// Creates an `.array` value.
    public init(arrayLiteral elements: TOMLValue...) {
        self = .array(elements)
    }
}

extension TOMLValue: ExpressibleByDictionaryLiteral {
    /// Creates a `.table` value whose keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        self = .table(TOMLTable(elements))
    }
}

extension TOMLTable: ExpressibleByDictionaryLiteral {
    /// Creates a table whose keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        self.init(elements)
    }
}
