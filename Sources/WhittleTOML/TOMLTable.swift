/// A TOML table: a collection of key/value pairs that remembers insertion order.
///
/// Two tables are equal when they have the same keys, in the same order, with equal values.
public struct TOMLTable: Sendable, Equatable {
    /// The keys of this table, in the order they were first defined.
    public private(set) var keys: [String]
    private var storage: [String: TOMLValue]

    /// Creates an empty table.
    public init() {
        keys = []
        storage = [:]
    }

    /// Creates a table from key/value pairs. A repeated key keeps its first position and its last value.
    public init(_ entries: [(String, TOMLValue)]) {
        self.init()
        for (key, value) in entries {
            self[key] = value
        }
    }

    /// The value stored under `key` (a single key, not a dotted path).
    /// Assigning `nil` removes the key; assigning a new key appends it to `keys`.
    public subscript(key: String) -> TOMLValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil {
                    keys.append(key)
                }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The number of keys in the table.
    public var count: Int { keys.count }

    /// Whether the table has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The key/value pairs in key order.
    public var entries: [(key: String, value: TOMLValue)] {
        keys.map { ($0, storage[$0]!) }
    }

    /// The value found by following `path` through nested tables, or `nil` if any step is missing
    /// or is not a table. An empty path yields this table.
    public func value(atPath path: [String]) -> TOMLValue? {
        var current = TOMLValue.table(self)
        for key in path {
            guard case .table(let table) = current, let next = table.storage[key] else { return nil }
            current = next
        }
        return current
    }

    /// The value at a dotted path such as `"passes.merge-runs.max-chain-length"`.
    /// The path is split on every `.`; use ``value(atPath:)`` for keys that contain dots.
    public func value(at dottedPath: String) -> TOMLValue? {
        value(atPath: Self.split(dottedPath))
    }

    /// The table found by following `path`, or `nil` if it is missing or not a table.
    public func table(atPath path: [String]) -> TOMLTable? {
        value(atPath: path)?.tableValue
    }

    /// The table at a dotted path such as `"passes.merge-runs"`, or `nil` if it is missing or not a table.
    /// The path is split on every `.`; use ``table(atPath:)`` for keys that contain dots.
    public func table(_ dottedPath: String) -> TOMLTable? {
        table(atPath: Self.split(dottedPath))
    }

    /// The string stored under `key`, or `nil` if it is missing or not a string.
    public func string(_ key: String) -> String? {
        self[key]?.stringValue
    }

    /// The boolean stored under `key`, or `nil` if it is missing or not a boolean.
    public func bool(_ key: String) -> Bool? {
        self[key]?.boolValue
    }

    /// The integer stored under `key`, or `nil` if it is missing or not an integer.
    public func int(_ key: String) -> Int? {
        self[key]?.intValue
    }

    /// The number stored under `key` (float or integer), or `nil` if it is missing or not a number.
    public func double(_ key: String) -> Double? {
        self[key]?.doubleValue
    }

    /// The array stored under `key`, or `nil` if it is missing or not an array.
    public func array(_ key: String) -> [TOMLValue]? {
        self[key]?.arrayValue
    }

    /// The strings stored under `key`, or `nil` if it is missing, not an array,
    /// or contains any element that is not a string.
    public func stringArray(_ key: String) -> [String]? {
        guard let elements = array(key) else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard let string = element.stringValue else { return nil }
            strings.append(string)
        }
        return strings
    }

    private static func split(_ dottedPath: String) -> [String] {
        dottedPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
