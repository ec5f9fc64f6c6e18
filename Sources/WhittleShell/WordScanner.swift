/// Accumulates one word's value, expansions and flags while it is scanned.
struct WordBuilder {
    var value: [UInt8] = []
    /// The value up to the first dynamic expansion; nil while the word is static.
    var prefix: [UInt8]? = nil
    var expansions: [Expansion] = []
    var isQuoted = false
    /// Whether the raw bytes differ from the value (quotes, escapes, continuations).
    var rawDiffers = false

    mutating func add(_ expansion: Expansion) {
        if prefix == nil { prefix = value }
        expansions.append(expansion)
    }
}

/// How a word ends.
enum WordMode {
    /// At a metacharacter.
    case normal
    /// Inside `[[ ... ]]`: `(`, `)`, `|`, `<` and `>` belong to words.
    case doubleBracket
}

extension ShellParser {
    /// Scans one word at `pos`. Returns an empty-range word when `pos` is at a metacharacter.
    mutating func scanWord(mode: WordMode = .normal) throws(ParseFailure) -> Word {
        let start = pos
        var w = WordBuilder()
        // Reuse a value buffer: most words need no allocation beyond their strings.
        if var buffer = buffers.popLast() {
            buffer.removeAll(keepingCapacity: true)
            w.value = buffer
        }
        defer { buffers.append(w.value) }
        let hasTilde = pos < end && b[pos] == Byte.tilde
        var hasGlob = false
        var braceDepth = 0
        var braceSeparator = false
        var braceStart: (offset: Int, valueCount: Int)? = nil
        var braceRange: Range<Int>? = nil
        if pos + 1 < end && (b[pos] == Byte.less || b[pos] == Byte.greater) && b[pos + 1] == Byte.openParen {
            try scanProcessSubstitution(&w)
        }
        scan: while pos < end {
            let c = b[pos]
            switch c {
            case Byte.space, Byte.tab, Byte.newline, Byte.semicolon, Byte.ampersand:
                break scan
            case Byte.pipe, Byte.less, Byte.greater, Byte.openParen, Byte.closeParen:
                guard mode == .doubleBracket else { break scan }
                w.value.append(c)
                pos += 1
            case Byte.backslash:
                w.rawDiffers = true
                if pos + 1 < end {
                    if b[pos + 1] != Byte.newline {
                        w.value.append(b[pos + 1])
                        w.isQuoted = true
                    }
                    pos += 2
                } else {
                    w.value.append(c)
                    pos += 1
                }
            case Byte.singleQuote:
                w.isQuoted = true
                w.rawDiffers = true
                let quote = pos
                pos += 1
                while pos < end && b[pos] != Byte.singleQuote { pos += 1 }
                guard pos < end else { throw ParseFailure(reason: .unterminatedSingleQuote(at: quote)) }
                w.value.append(contentsOf: b[(quote + 1)..<pos])
                pos += 1
            case Byte.doubleQuote:
                w.isQuoted = true
                w.rawDiffers = true
                try scanDoubleQuoted(&w)
            case Byte.dollar:
                try scanDollar(quoted: false, &w)
            case Byte.backquote:
                try scanBackquote(quoted: false, &w)
            case Byte.star, Byte.question, Byte.openBracket:
                hasGlob = true
                w.value.append(c)
                pos += 1
            case Byte.openBrace:
                if braceDepth == 0 {
                    braceStart = (pos, w.value.count)
                    braceSeparator = false
                }
                braceDepth += 1
                w.value.append(c)
                pos += 1
            case Byte.comma, Byte.dot:
                if braceDepth > 0 && (c == Byte.comma || (pos + 1 < end && b[pos + 1] == Byte.dot)) {
                    braceSeparator = true
                }
                w.value.append(c)
                pos += 1
            case Byte.closeBrace:
                if braceDepth > 0 {
                    braceDepth -= 1
                    if braceDepth == 0 && braceSeparator, let open = braceStart, braceRange == nil {
                        braceRange = open.offset..<(pos + 1)
                        if w.prefix == nil || w.prefix!.count > open.valueCount {
                            w.prefix = Array(w.value[..<open.valueCount])
                        }
                    }
                }
                w.value.append(c)
                pos += 1
            default:
                w.value.append(c)
                pos += 1
            }
        }
        if let braceRange {
            let expansion = Expansion(kind: .brace, range: braceRange, isQuoted: false)
            let index = w.expansions.firstIndex { $0.range.lowerBound > braceRange.lowerBound }
            w.expansions.insert(expansion, at: index ?? w.expansions.count)
        }
        let raw = String(decoding: b[start..<pos], as: UTF8.self)
        let literal: String?
        if w.prefix != nil {
            literal = nil
        } else {
            literal = w.rawDiffers ? String(decoding: w.value, as: UTF8.self) : raw
        }
        let staticPrefix = literal == nil ? String(decoding: w.prefix ?? [], as: UTF8.self) : nil
        return Word(
            range: start..<pos, raw: raw, literal: literal, dynamicPrefix: staticPrefix,
            expansions: w.expansions, hasGlob: hasGlob, hasTilde: hasTilde, isQuoted: w.isQuoted)
    }

    /// A static word made of the bytes in `range` (operators inside `[[ ]]`).
    func plainWord(_ range: Range<Int>) -> Word {
        let text = String(decoding: b[range], as: UTF8.self)
        return Word(
            range: range, raw: text, literal: text, staticPrefix: text, expansions: [], hasGlob: false,
            hasTilde: false, isQuoted: false)
    }

    /// `"..."`, with `pos` at the opening quote.
    mutating func scanDoubleQuoted(_ w: inout WordBuilder) throws(ParseFailure) {
        let quote = pos
        pos += 1
        while pos < end {
            let c = b[pos]
            switch c {
            case Byte.doubleQuote:
                pos += 1
                return
            case Byte.backslash:
                if pos + 1 < end {
                    let next = b[pos + 1]
                    if next == Byte.newline {
                        pos += 2
                        continue
                    }
                    if next == Byte.dollar || next == Byte.backquote || next == Byte.doubleQuote
                        || next == Byte.backslash
                    {
                        w.value.append(next)
                        pos += 2
                        continue
                    }
                }
                w.value.append(c)
                pos += 1
            case Byte.dollar:
                try scanDollar(quoted: true, &w)
            case Byte.backquote:
                try scanBackquote(quoted: true, &w)
            default:
                w.value.append(c)
                pos += 1
            }
        }
        throw ParseFailure(reason: .unterminatedDoubleQuote(at: quote))
    }

    /// Anything starting with `$`, with `pos` at the dollar sign.
    mutating func scanDollar(quoted: Bool, _ w: inout WordBuilder) throws(ParseFailure) {
        let start = pos
        guard pos + 1 < end else {
            w.value.append(Byte.dollar)
            pos += 1
            return
        }
        let next = b[pos + 1]
        switch next {
        case Byte.singleQuote where !quoted:
            try scanANSICString(&w)
        case Byte.doubleQuote where !quoted:
            w.isQuoted = true
            w.rawDiffers = true
            pos += 1
            try scanDoubleQuoted(&w)
        case Byte.openParen:
            if pos + 2 < end && b[pos + 2] == Byte.openParen, let close = arithmeticEnd(from: pos + 3) {
                pos = close
                w.add(Expansion(kind: .arithmetic, range: start..<pos, isQuoted: quoted))
                return
            }
            try enter(at: start)
            pos += 2
            let body = try parseCompoundList()
            guard pos < end else { throw ParseFailure(reason: .unterminatedCommandSubstitution(at: start)) }
            guard b[pos] == Byte.closeParen else { throw unexpected(at: pos) }
            pos += 1
            leave()
            w.add(Expansion(kind: .commandSubstitution, range: start..<pos, isQuoted: quoted, body: body))
        case Byte.openBrace:
            try scanParameterBraces(quoted: quoted, &w)
        default:
            if Byte.isNameStart(next) {
                var i = pos + 2
                while i < end && Byte.isNameChar(b[i]) { i += 1 }
                let name = String(decoding: b[(pos + 1)..<i], as: UTF8.self)
                pos = i
                w.add(Expansion(kind: .parameter, range: start..<pos, isQuoted: quoted, parameter: name))
            } else if Byte.isSpecialParameter(next) {
                pos += 2
                w.add(
                    Expansion(
                        kind: .parameter, range: start..<pos, isQuoted: quoted,
                        parameter: String(UnicodeScalar(next))))
            } else {
                w.value.append(Byte.dollar)
                pos += 1
            }
        }
    }

    /// The offset just past the `))` closing an arithmetic expansion whose body starts at `from`,
    /// or nil when the parentheses do not close that way (then `$((` is `$(` plus a subshell).
    func arithmeticEnd(from: Int) -> Int? {
        var depth = 0
        var i = from
        while i < end {
            let c = b[i]
            switch c {
            case Byte.openParen:
                depth += 1
            case Byte.closeParen:
                if depth == 0 { return i + 1 < end && b[i + 1] == Byte.closeParen ? i + 2 : nil }
                depth -= 1
            case Byte.backslash:
                i += 1
            case Byte.singleQuote, Byte.doubleQuote:
                var j = i + 1
                while j < end && b[j] != c {
                    if c == Byte.doubleQuote && b[j] == Byte.backslash { j += 1 }
                    j += 1
                }
                guard j < end else { return nil }
                i = j
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// `${...}`, with `pos` at the dollar sign. Nested expansions are added after this one.
    mutating func scanParameterBraces(quoted: Bool, _ w: inout WordBuilder) throws(ParseFailure) {
        let start = pos
        try enter(at: start)
        pos += 2
        // The parameter name: `${#name}`, `${!name}`, `${name...}`, `${1}`, `${@}`.
        var nameStart = pos
        if pos + 1 < end && (b[pos] == Byte.hash || b[pos] == Byte.bang)
            && (Byte.isNameChar(b[pos + 1]) || Byte.isSpecialParameter(b[pos + 1]))
        {
            nameStart += 1
        }
        var nameEnd = nameStart
        if nameEnd < end && Byte.isNameStart(b[nameEnd]) {
            while nameEnd < end && Byte.isNameChar(b[nameEnd]) { nameEnd += 1 }
        } else if nameEnd < end && Byte.isDigit(b[nameEnd]) {
            while nameEnd < end && Byte.isDigit(b[nameEnd]) { nameEnd += 1 }
        } else if nameEnd < end && Byte.isSpecialParameter(b[nameEnd]) {
            nameEnd += 1
        }
        let name = nameEnd > nameStart ? String(decoding: b[nameStart..<nameEnd], as: UTF8.self) : nil
        pos = nameEnd
        var nested = WordBuilder()
        var braces = 0
        while pos < end {
            let c = b[pos]
            switch c {
            case Byte.closeBrace:
                pos += 1
                if braces == 0 {
                    leave()
                    w.add(Expansion(kind: .parameter, range: start..<pos, isQuoted: quoted, parameter: name))
                    w.expansions.append(contentsOf: nested.expansions)
                    return
                }
                braces -= 1
            case Byte.openBrace:
                braces += 1
                pos += 1
            case Byte.backslash:
                pos = min(pos + 2, end)
            case Byte.singleQuote where !quoted:
                let quote = pos
                pos += 1
                while pos < end && b[pos] != Byte.singleQuote { pos += 1 }
                guard pos < end else { throw ParseFailure(reason: .unterminatedSingleQuote(at: quote)) }
                pos += 1
            case Byte.doubleQuote:
                try scanDoubleQuoted(&nested)
            case Byte.dollar:
                try scanDollar(quoted: quoted, &nested)
            case Byte.backquote:
                try scanBackquote(quoted: quoted, &nested)
            default:
                pos += 1
            }
        }
        throw ParseFailure(reason: .unterminatedParameterExpansion(at: start))
    }

    /// `` `...` ``, with `pos` at the opening backquote. The body is parsed in place when it has no
    /// backslash (its text is then exactly the source text).
    mutating func scanBackquote(quoted: Bool, _ w: inout WordBuilder) throws(ParseFailure) {
        let start = pos
        var i = pos + 1
        var hasEscape = false
        while i < end && b[i] != Byte.backquote {
            if b[i] == Byte.backslash {
                hasEscape = true
                i += 1
            }
            i += 1
        }
        guard i < end else { throw ParseFailure(reason: .unterminatedBackquote(at: start)) }
        let close = i
        var body: CommandList? = nil
        if !hasEscape {
            try enter(at: start)
            let savedEnd = end
            end = close
            pos = start + 1
            let list = try parseCompoundList()
            if pos < end { throw unexpected(at: pos) }
            end = savedEnd
            leave()
            body = list
        }
        pos = close + 1
        w.add(Expansion(kind: .backquote, range: start..<pos, isQuoted: quoted, body: body))
    }

    /// `<(...)` or `>(...)`, with `pos` at `<` or `>`.
    mutating func scanProcessSubstitution(_ w: inout WordBuilder) throws(ParseFailure) {
        let start = pos
        try enter(at: start)
        pos += 2
        let body = try parseCompoundList()
        guard pos < end else { throw ParseFailure(reason: .unterminatedProcessSubstitution(at: start)) }
        guard b[pos] == Byte.closeParen else { throw unexpected(at: pos) }
        pos += 1
        leave()
        w.rawDiffers = true
        w.add(Expansion(kind: .processSubstitution, range: start..<pos, isQuoted: false, body: body))
    }

    /// `$'...'`, with `pos` at the dollar sign. Common escapes are decoded; others make the word
    /// dynamic (an `.ansiCString` expansion).
    mutating func scanANSICString(_ w: inout WordBuilder) throws(ParseFailure) {
        let start = pos
        let valueStart = w.value.count
        w.isQuoted = true
        w.rawDiffers = true
        pos += 2
        var decoded = true
        while pos < end {
            let c = b[pos]
            if c == Byte.singleQuote {
                pos += 1
                if !decoded {
                    if w.prefix == nil { w.prefix = Array(w.value[..<valueStart]) }
                    w.add(Expansion(kind: .ansiCString, range: start..<pos, isQuoted: false))
                }
                return
            }
            if c == Byte.backslash && pos + 1 < end {
                let next = b[pos + 1]
                switch next {
                case UInt8(ascii: "n"): w.value.append(Byte.newline)
                case UInt8(ascii: "t"): w.value.append(Byte.tab)
                case UInt8(ascii: "r"): w.value.append(0x0D)
                case UInt8(ascii: "a"): w.value.append(0x07)
                case UInt8(ascii: "b"): w.value.append(0x08)
                case UInt8(ascii: "e"), UInt8(ascii: "E"): w.value.append(0x1B)
                case UInt8(ascii: "f"): w.value.append(0x0C)
                case UInt8(ascii: "v"): w.value.append(0x0B)
                case Byte.backslash, Byte.singleQuote, Byte.doubleQuote, Byte.question: w.value.append(next)
                default:
                    decoded = false
                    w.value.append(contentsOf: [c, next])
                }
                pos += 2
                continue
            }
            w.value.append(c)
            pos += 1
        }
        throw ParseFailure(reason: .unterminatedANSICString(at: start))
    }
}
