/// Accumulates a document's tables while enforcing TOML's definition rules:
/// no duplicate keys, each table defined at most once, tables created by dotted keys
/// not redefined by headers, header-defined tables not extended by dotted keys,
/// inline tables and static arrays never extended.
///
/// Tables are kept in an index-based arena so the builder is a plain `Sendable` value.
struct TOMLTableBuilder: Sendable {
    /// How a table came into existence, which decides how it may be extended later.
    private enum Origin: Sendable {
        /// Created as a parent of a `[header]` (e.g. `a` for `[a.b]`); may still be defined by `[a]`.
        case implicit
        /// Defined by a `[header]`, an `[[array]]` element, or the root/inline table itself.
        case defined
        /// Created by a dotted key (e.g. `a` for `a.b = 1`); may be extended by more dotted keys.
        case dotted
    }

    /// What a key maps to while building.
    private enum Entry: Sendable {
        case value(TOMLValue)
        case table(Int)
        case arrayOfTables([Int])
    }

    private struct Node: Sendable {
        var origin: Origin
        var keys: [String] = []
        var entries: [String: Entry] = [:]

        mutating func set(_ key: String, _ entry: Entry) {
            if entries.updateValue(entry, forKey: key) == nil {
                keys.append(key)
            }
        }
    }

    /// A table in the arena together with its key path from the document root (for messages).
    struct TableReference: Sendable {
        fileprivate var id: Int
        /// The table's key path, used in error messages and nesting-depth accounting.
        var path: [String]
    }

    private var nodes: [Node] = [Node(origin: .defined)]

    /// The root table. `basePath` prefixes every path mentioned in errors (used for inline tables).
    let root: TableReference

    /// Creates an empty builder.
    init(basePath: [String] = []) {
        root = TableReference(id: 0, path: basePath)
    }

    /// Defines the table named by a `[header]` and returns it.
    mutating func defineTable(_ key: [TOMLKeySegment]) throws(TOMLError) -> TableReference {
        var current = try descendForHeader(key.dropLast())
        let last = key[key.count - 1]
        let path = current.path + [last.name]
        let rendered = TOMLKeyPath.render(path)
        switch nodes[current.id].entries[last.name] {
        case nil:
            current.id = addTable(named: last.name, in: current.id, origin: .defined)
        case .table(let id):
            switch nodes[id].origin {
            case .implicit:
                nodes[id].origin = .defined
                current.id = id
            case .defined:
                throw fail("table '\(rendered)' is already defined", at: last)
            case .dotted:
                throw fail("table '\(rendered)' is already defined by dotted keys", at: last)
            }
        case .arrayOfTables:
            throw fail("'\(rendered)' is already defined as an array of tables", at: last)
        case .value(let value):
            throw fail("key '\(rendered)' is already defined as \(Self.describe(value))", at: last)
        }
        current.path = path
        return current
    }

    /// Appends a new element to the array of tables named by an `[[header]]` and returns it.
    mutating func appendArrayElement(_ key: [TOMLKeySegment]) throws(TOMLError) -> TableReference {
        var current = try descendForHeader(key.dropLast())
        let last = key[key.count - 1]
        let path = current.path + [last.name]
        let rendered = TOMLKeyPath.render(path)
        let element = nodes.count
        switch nodes[current.id].entries[last.name] {
        case nil:
            nodes.append(Node(origin: .defined))
            nodes[current.id].set(last.name, .arrayOfTables([element]))
        case .arrayOfTables(var elements):
            nodes.append(Node(origin: .defined))
            elements.append(element)
            nodes[current.id].entries[last.name] = .arrayOfTables(elements)
        case .table:
            throw fail(
                "cannot define array of tables '\(rendered)': it is already defined as a table", at: last)
        case .value(.array):
            throw fail("cannot append to statically defined array '\(rendered)'", at: last)
        case .value(let value):
            throw fail("key '\(rendered)' is already defined as \(Self.describe(value))", at: last)
        }
        current.id = element
        current.path = path
        return current
    }

    /// Assigns `value` to a (possibly dotted) key relative to `table`.
    mutating func assign(_ value: TOMLValue, to key: [TOMLKeySegment], in table: TableReference)
        throws(TOMLError)
    {
        var current = table
        for segment in key.dropLast() {
            current.path.append(segment.name)
            let rendered = TOMLKeyPath.render(current.path)
            switch nodes[current.id].entries[segment.name] {
            case nil:
                current.id = addTable(named: segment.name, in: current.id, origin: .dotted)
            case .table(let id):
                guard nodes[id].origin == .dotted else {
                    throw fail(
                        "table '\(rendered)' is defined by a table header and cannot be extended with dotted keys",
                        at: segment)
                }
                current.id = id
            case .arrayOfTables:
                throw fail(
                    "'\(rendered)' is an array of tables and cannot be extended with dotted keys", at: segment
                )
            case .value(.table):
                throw fail("inline table '\(rendered)' cannot be extended", at: segment)
            case .value(let value):
                throw fail("key '\(rendered)' is already defined as \(Self.describe(value))", at: segment)
            }
        }
        let last = key[key.count - 1]
        guard nodes[current.id].entries[last.name] == nil else {
            throw fail("duplicate key '\(TOMLKeyPath.render(current.path + [last.name]))'", at: last)
        }
        nodes[current.id].set(last.name, .value(value))
    }

    /// Converts the accumulated tables into an immutable ``TOMLTable``.
    func build() -> TOMLTable {
        build(node: 0)
    }

    private func build(node id: Int) -> TOMLTable {
        var table = TOMLTable()
        let node = nodes[id]
        for key in node.keys {
            switch node.entries[key]! {
            case .value(let value):
                table[key] = value
            case .table(let child):
                table[key] = .table(build(node: child))
            case .arrayOfTables(let elements):
                table[key] = .array(elements.map { .table(build(node: $0)) })
            }
        }
        return table
    }

    /// Walks the parent segments of a header, creating implicit tables as needed. Existing tables
    /// of any origin may be walked through; an array of tables resolves to its last element.
    private mutating func descendForHeader(_ segments: ArraySlice<TOMLKeySegment>) throws(TOMLError)
        -> TableReference
    {
        var current = root
        for segment in segments {
            current.path.append(segment.name)
            let rendered = TOMLKeyPath.render(current.path)
            switch nodes[current.id].entries[segment.name] {
            case nil:
                current.id = addTable(named: segment.name, in: current.id, origin: .implicit)
            case .table(let id):
                current.id = id
            case .arrayOfTables(let elements):
                current.id = elements[elements.count - 1]
            case .value(.table):
                throw fail("inline table '\(rendered)' cannot be extended", at: segment)
            case .value(.array):
                throw fail("cannot add a table to statically defined array '\(rendered)'", at: segment)
            case .value(let value):
                throw fail("key '\(rendered)' is already defined as \(Self.describe(value))", at: segment)
            }
        }
        return current
    }

    private mutating func addTable(named name: String, in parent: Int, origin: Origin) -> Int {
        let id = nodes.count
        nodes.append(Node(origin: origin))
        nodes[parent].set(name, .table(id))
        return id
    }

    private func fail(_ message: String, at segment: TOMLKeySegment) -> TOMLError {
        TOMLError(message, at: segment.position)
    }

    /// Describes a value's type with an article, e.g. "an integer", "an inline table".
    private static func describe(_ value: TOMLValue) -> String {
        switch value {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .array: "an array"
        case .table: "an inline table"
        }
    }
}
