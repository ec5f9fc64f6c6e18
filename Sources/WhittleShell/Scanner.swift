/// Byte classes and the cursor state shared by the parser's extensions. The parser works on the
/// logical text's UTF-8 bytes and integer offsets only.
enum Byte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let ampersand = UInt8(ascii: "&")
    static let singleQuote = UInt8(ascii: "'")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let semicolon = UInt8(ascii: ";")
    static let less = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greater = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let at = UInt8(ascii: "@")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let backquote = UInt8(ascii: "`")
    static let openBrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let closeBrace = UInt8(ascii: "}")
    static let tilde = UInt8(ascii: "~")
    static let underscore = UInt8(ascii: "_")

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }

    /// The shell's metacharacters: they end an unquoted word.
    @inline(__always) static func isMeta(_ c: UInt8) -> Bool {
        switch c {
        case space, tab, newline, semicolon, ampersand, pipe, openParen, closeParen, less, greater:
            return true
        default: return false
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == underscore
    }

    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }

    /// Special parameters usable as `$c`.
    @inline(__always) static func isSpecialParameter(_ c: UInt8) -> Bool {
        switch c {
        case at, star, hash, question, dash, dollar, bang: return true
        default: return isDigit(c)
        }
    }
}

/// Reserved words, recognised only where a command may start.
enum ReservedWord: String {
    case ifWord = "if"
    case thenWord = "then"
    case elseWord = "else"
    case elifWord = "elif"
    case fiWord = "fi"
    case doWord = "do"
    case doneWord = "done"
    case caseWord = "case"
    case esacWord = "esac"
    case whileWord = "while"
    case untilWord = "until"
    case forWord = "for"
    case inWord = "in"
    case openBrace = "{"
    case closeBrace = "}"
    case bang = "!"
    case function = "function"
    case select = "select"
    case coproc = "coproc"

    static let table: [([UInt8], ReservedWord)] = [
        ReservedWord.ifWord, .thenWord, .elseWord, .elifWord, .fiWord, .doWord, .doneWord, .caseWord,
        .esacWord,
        .whileWord, .untilWord, .forWord, .inWord, .openBrace, .closeBrace, .bang, .function, .select,
        .coproc,
    ].map { (Array($0.rawValue.utf8), $0) }

    /// Words that close a list: the list parser stops before them and its caller checks them.
    var closesList: Bool {
        switch self {
        case .thenWord, .elseWord, .elifWord, .fiWord, .doWord, .doneWord, .esacWord, .closeBrace: return true
        default: return false
        }
    }

    var length: Int { rawValue.utf8.count }
}

/// A parse error: the script becomes opaque with this reason.
struct ParseFailure: Error {
    let reason: OpaqueReason
}

/// A `<<` operator whose body starts after the next newline token.
struct PendingHeredoc {
    let key: Int
    let delimiter: [UInt8]
    let stripsTabs: Bool
}

/// The recursive-descent parser. Extensions: `Parser.swift` (lists, simple commands,
/// redirections), `ParserCompound.swift` (compound commands), `WordScanner.swift` (words).
struct ShellParser {
    /// Limit on nested lists, substitutions and parameter expansions (stack safety).
    static let maxDepth = 48

    let b: [UInt8]
    var pos = 0
    /// End of the region being parsed (narrowed while parsing a backquote's body).
    var end: Int
    var depth = 0
    var comments: [Range<Int>] = []
    var pendingHeredocs: [PendingHeredoc] = []
    /// Here-document bodies keyed by the logical offset of their `<<` operator.
    var heredocs: [Int: Heredoc] = [:]
    /// Reusable byte buffers for word values.
    var buffers: [[UInt8]] = []

    init(bytes: [UInt8]) {
        b = bytes
        end = bytes.count
    }

    @inline(__always) func byte(at i: Int) -> UInt8? { i < end ? b[i] : nil }

    /// Whether the bytes at `pos` equal `literal`.
    func at(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard pos + n <= end else { return false }
        let p = literal.utf8Start
        for k in 0..<n where b[pos + k] != p[k] { return false }
        return true
    }

    /// Skips spaces, tabs and backslash-newline continuations.
    mutating func skipBlanks() {
        while pos < end {
            let c = b[pos]
            if c == Byte.space || c == Byte.tab {
                pos += 1
            } else if c == Byte.backslash && pos + 1 < end && b[pos + 1] == Byte.newline {
                pos += 2
            } else {
                return
            }
        }
    }

    /// Skips blanks, newlines (reading pending here-documents) and comments.
    mutating func skipLinebreaks() {
        while true {
            skipBlanks()
            guard pos < end else { return }
            if b[pos] == Byte.newline {
                consumeNewline()
            } else if b[pos] == Byte.hash {
                skipComment()
            } else {
                return
            }
        }
    }

    /// Consumes a comment up to (not including) the newline and records it.
    mutating func skipComment() {
        let start = pos
        while pos < end && b[pos] != Byte.newline { pos += 1 }
        comments.append(start..<pos)
    }

    /// Consumes a newline token; here-document bodies pending on the line follow it.
    mutating func consumeNewline() {
        pos += 1
        if !pendingHeredocs.isEmpty { readHeredocBodies() }
    }

    mutating func readHeredocBodies() {
        let pending = pendingHeredocs
        pendingHeredocs.removeAll()
        for heredoc in pending {
            let bodyStart = pos
            var lineStart = pos
            var delimiterLine: Range<Int>? = nil
            while lineStart < end {
                var lineEnd = lineStart
                while lineEnd < end && b[lineEnd] != Byte.newline { lineEnd += 1 }
                var s = lineStart
                if heredoc.stripsTabs { while s < lineEnd && b[s] == Byte.tab { s += 1 } }
                if lineEnd - s == heredoc.delimiter.count && b[s..<lineEnd].elementsEqual(heredoc.delimiter) {
                    delimiterLine = lineStart..<lineEnd
                    break
                }
                lineStart = lineEnd + 1
            }
            let bodyEnd = delimiterLine?.lowerBound ?? end
            pos = delimiterLine.map { min($0.upperBound + 1, end) } ?? end
            heredocs[heredoc.key] = Heredoc(
                delimiter: String(decoding: heredoc.delimiter, as: UTF8.self), isQuoted: false,
                stripsTabs: heredoc.stripsTabs, body: bodyStart..<max(bodyStart, bodyEnd),
                delimiterLine: delimiterLine)
        }
    }

    /// Here-documents whose operator is on the last line: the shell reads an empty body.
    mutating func finishPendingHeredocs() {
        for heredoc in pendingHeredocs {
            heredocs[heredoc.key] = Heredoc(
                delimiter: String(decoding: heredoc.delimiter, as: UTF8.self), isQuoted: false,
                stripsTabs: heredoc.stripsTabs, body: end..<end, delimiterLine: nil)
        }
        pendingHeredocs.removeAll()
    }

    /// The reserved word at `pos`, if the bytes there form one followed by a delimiter.
    func peekReserved() -> ReservedWord? {
        guard pos < end else { return nil }
        var i = pos
        while i < end && i - pos < 9 && !Byte.isMeta(b[i]) { i += 1 }
        let n = i - pos
        guard n >= 1 && n <= 8, i == end || Byte.isMeta(b[i]) else { return nil }
        let first = b[pos]
        for (bytes, word) in ReservedWord.table where bytes.count == n && bytes[0] == first {
            if b[pos..<i].elementsEqual(bytes) { return word }
        }
        return nil
    }

    /// Enters one nesting level; fails past `maxDepth`.
    mutating func enter(at offset: Int) throws(ParseFailure) {
        depth += 1
        if depth > ShellParser.maxDepth { throw ParseFailure(reason: .nestingTooDeep(at: offset)) }
    }

    mutating func leave() { depth -= 1 }

    /// A short description of the token at `p`, for error reasons.
    func tokenText(at p: Int) -> String {
        guard p < end else { return "end of input" }
        let c = b[p]
        if c == Byte.newline { return "newline" }
        if Byte.isMeta(c) {
            var i = p
            while i < end && i - p < 3 && Byte.isMeta(b[i]) && !Byte.isBlank(b[i]) && b[i] != Byte.newline {
                i += 1
            }
            return String(decoding: b[p..<max(i, p + 1)], as: UTF8.self)
        }
        var i = p
        while i < end && i - p < 20 && !Byte.isMeta(b[i]) { i += 1 }
        return String(decoding: b[p..<i], as: UTF8.self)
    }

    func unexpected(at p: Int) -> ParseFailure {
        ParseFailure(reason: .unexpectedToken(tokenText(at: p), at: p))
    }
}
