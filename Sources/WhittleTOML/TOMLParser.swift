/// Parses the subset of TOML used by whittle's configuration files.
///
/// Supported: comments, LF/CRLF line endings, a leading byte-order mark, bare/quoted/dotted keys,
/// `[table]` and `[[array.of.tables]]` headers, basic/literal/multi-line strings, integers
/// (decimal, `0x`, `0o`, `0b`), floats (including `inf` and `nan`), booleans, arrays and inline
/// tables. Dates and times are rejected. Every problem is reported as a ``TOMLError`` with
/// its line and column; the parser never traps on malformed input.
public enum TOMLParser {
    /// The maximum nesting depth of tables and arrays, which bounds recursion on hostile input.
    public static let maximumNestingDepth = 100

    /// Parses a whole document and returns its root table.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLDocumentParser(text)
        return try parser.parseDocument()
    }
}

/// The recursive-descent grammar for documents, keys and values.
struct TOMLDocumentParser: Sendable {
    private var scanner: TOMLScanner
    private var builder = TOMLTableBuilder()
    private var currentTable: TOMLTableBuilder.TableReference

    init(_ text: String) {
        scanner = TOMLScanner(text)
        currentTable = builder.root
    }

    /// Parses top-level lines: blank lines, comments, table headers and key/value pairs.
    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        while true {
            scanner.skipWhitespace()
            guard let scalar = scanner.peek() else { break }
            switch scalar {
            case "#":
                try scanner.skipComment()
                try scanner.finishLine(after: "comment")
            case "\n", "\r":
                try scanner.consumeNewline()
            case "[":
                try parseHeader()
                try scanner.finishLine(after: "table header")
            default:
                try parseKeyValue()
                try scanner.finishLine(after: "value")
            }
        }
        return builder.build()
    }

    // MARK: - Headers

    /// Parses `[a.b]` or `[[a.b]]` and makes it the current table.
    private mutating func parseHeader() throws(TOMLError) {
        let start = scanner.position
        scanner.advance()  // '['
        let isArray = scanner.peek() == "["
        if isArray {
            scanner.advance()
        }
        scanner.skipWhitespace()
        let key = try parseKey()
        try checkDepth(key.count, at: start)
        scanner.skipWhitespace()
        let closing = isArray ? "]]" : "]"
        guard scanner.peek() == "]", !isArray || scanner.peek(1) == "]" else {
            if isArray && scanner.peek() == "]" {
                scanner.advance()  // point at what follows the lone ']'
            }
            let kind = isArray ? "array of tables header" : "table header"
            throw scanner.error(
                "expected '\(closing)' to close the \(kind), found \(scanner.currentDescription)")
        }
        scanner.advance(closing.count)
        currentTable = isArray ? try builder.appendArrayElement(key) : try builder.defineTable(key)
    }

    // MARK: - Keys

    /// Parses a possibly dotted key such as `a`, `"quoted key"`, or `a . "b" . c`.
    private mutating func parseKey() throws(TOMLError) -> [TOMLKeySegment] {
        var segments = [try parseSimpleKey(expecting: "a key")]
        while true {
            scanner.skipWhitespace()
            guard scanner.peek() == "." else { return segments }
            scanner.advance()
            scanner.skipWhitespace()
            segments.append(try parseSimpleKey(expecting: "a key after '.'"))
        }
    }

    /// Parses one bare or quoted key segment.
    private mutating func parseSimpleKey(expecting expectation: String) throws(TOMLError) -> TOMLKeySegment {
        let start = scanner.position
        guard let scalar = scanner.peek() else {
            throw scanner.error("expected \(expectation), found end of file")
        }
        if scalar == "\"" || scalar == "'" {
            if scanner.isAtTripleQuote(scalar) {
                throw scanner.error("multi-line strings cannot be used as keys")
            }
            let name = scalar == "\"" ? try scanner.scanBasicString() : try scanner.scanLiteralString()
            return TOMLKeySegment(name: name, position: start)
        }
        guard scalar.isBareKeyScalar else {
            throw scanner.error("expected \(expectation), found \(scanner.currentDescription)")
        }
        var name = String.UnicodeScalarView()
        while let next = scanner.peek(), next.isBareKeyScalar {
            name.append(next)
            scanner.advance()
        }
        return TOMLKeySegment(name: String(name), position: start)
    }

    /// Parses `key = value` at the cursor and assigns it in the current table.
    private mutating func parseKeyValue() throws(TOMLError) {
        let start = scanner.position
        let key = try parseKey()
        let depth = currentTable.path.count + key.count
        try checkDepth(depth, at: start)
        let value = try parseAssignedValue(for: key, basePath: currentTable.path, depth: depth)
        try builder.assign(value, to: key, in: currentTable)
    }

    /// Parses `= value` after a key (whitespace allowed around `=`).
    private mutating func parseAssignedValue(for key: [TOMLKeySegment], basePath: [String], depth: Int)
        throws(TOMLError) -> TOMLValue
    {
        scanner.skipWhitespace()
        guard scanner.peek() == "=" else {
            let rendered = TOMLKeyPath.render(key.map(\.name))
            throw scanner.error("expected '=' after key '\(rendered)', found \(scanner.currentDescription)")
        }
        scanner.advance()
        scanner.skipWhitespace()
        return try parseValue(path: basePath + key.map(\.name), depth: depth)
    }

    // MARK: - Values

    /// Parses any value at the cursor. `path` names the value in error messages and `depth` is
    /// its nesting depth.
    private mutating func parseValue(path: [String], depth: Int) throws(TOMLError) -> TOMLValue {
        guard let scalar = scanner.peek() else {
            throw scanner.error("expected a value, found end of file")
        }
        switch scalar {
        case "\"", "'":
            return .string(try scanner.scanString())
        case "[":
            return try parseArray(path: path, depth: depth)
        case "{":
            return try parseInlineTable(path: path, depth: depth)
        default:
            guard scalar.isBareValueScalar else {
                throw scanner.error("expected a value, found \(scanner.currentDescription)")
            }
            return try TOMLBareValue.scan(&scanner)
        }
    }

    /// Parses `[ v1, v2, ... ]`; newlines, comments and a trailing comma are allowed.
    private mutating func parseArray(path: [String], depth: Int) throws(TOMLError) -> TOMLValue {
        let start = scanner.position
        try checkDepth(depth + 1, at: start)
        scanner.advance()  // '['
        var elements: [TOMLValue] = []
        while true {
            try scanner.skipWhitespaceCommentsAndNewlines()
            if scanner.isAtEnd {
                throw scanner.error("unterminated array", at: start)
            }
            if scanner.peek() == "]" {
                scanner.advance()
                return .array(elements)
            }
            elements.append(try parseValue(path: path, depth: depth + 1))
            try scanner.skipWhitespaceCommentsAndNewlines()
            switch scanner.peek() {
            case nil:
                throw scanner.error("unterminated array", at: start)
            case ",":
                scanner.advance()
            case "]":
                scanner.advance()
                return .array(elements)
            default:
                throw scanner.error(
                    "expected ',' or ']' after an array element, found \(scanner.currentDescription)")
            }
        }
    }

    /// Parses `{ k = v, ... }` on a single line, without a trailing comma.
    private mutating func parseInlineTable(path: [String], depth: Int) throws(TOMLError) -> TOMLValue {
        let start = scanner.position
        try checkDepth(depth + 1, at: start)
        scanner.advance()  // '{'
        var table = TOMLTableBuilder(basePath: path)
        scanner.skipWhitespace()
        if scanner.peek() == "}" {
            scanner.advance()
            return .table(table.build())
        }
        while true {
            scanner.skipWhitespace()
            try checkInsideInlineTable(start: start)
            if scanner.peek() == "}" {
                throw scanner.error("trailing comma is not allowed in an inline table")
            }
            let key = try parseKey()
            let keyDepth = depth + 1 + key.count
            try checkDepth(keyDepth, at: key[0].position)
            let value = try parseAssignedValue(for: key, basePath: path, depth: keyDepth)
            try table.assign(value, to: key, in: table.root)
            scanner.skipWhitespace()
            try checkInsideInlineTable(start: start)
            switch scanner.peek() {
            case ",":
                scanner.advance()
            case "}":
                scanner.advance()
                return .table(table.build())
            default:
                throw scanner.error(
                    "expected ',' or '}' after a value in an inline table, found \(scanner.currentDescription)"
                )
            }
        }
    }

    /// Rejects the end of the input, newlines and comments inside an inline table.
    private func checkInsideInlineTable(start: TOMLPosition) throws(TOMLError) {
        if scanner.isAtEnd {
            throw scanner.error("unterminated inline table", at: start)
        }
        if scanner.isAtLineBreakCharacter {
            throw scanner.error("newlines are not allowed inside an inline table")
        }
        if scanner.peek() == "#" {
            throw scanner.error("comments are not allowed inside an inline table")
        }
    }

    /// Rejects nesting deeper than ``TOMLParser/maximumNestingDepth``.
    private func checkDepth(_ depth: Int, at position: TOMLPosition) throws(TOMLError) {
        if depth > TOMLParser.maximumNestingDepth {
            throw scanner.error(
                "nesting is too deep (the limit is \(TOMLParser.maximumNestingDepth) levels)", at: position)
        }
    }
}
