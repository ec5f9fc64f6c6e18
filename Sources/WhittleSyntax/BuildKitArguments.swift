/// BuildKit's line parsers (`split_command.go`, `line_parsers.go`), ported to byte offsets so that
/// every word keeps its position in the logical line.
enum BuildKitArguments {
    static let quoteSingle = UInt8(ascii: "'")
    static let quoteDouble = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let dash = UInt8(ascii: "-")
    static let equals = UInt8(ascii: "=")

    struct CommandSplit {
        var keywordRange: Range<Int>
        var flags: [Flag]
        var argumentsRange: Range<Int>
    }

    /// `splitCommand`: the keyword, the builder flags and the trimmed arguments.
    static func splitCommand(_ s: [UInt8], _ range: Range<Int>) -> CommandSplit {
        let t = GoText.trimSpace(s, range)
        var k = t.lowerBound
        while k < t.upperBound && !GoText.isTokenWhitespace(s[k]) { k += 1 }
        guard k < t.upperBound else {
            return CommandSplit(keywordRange: t, flags: [], argumentsRange: t.upperBound..<t.upperBound)
        }
        var r = k
        while r < t.upperBound && GoText.isTokenWhitespace(s[r]) { r += 1 }
        let (flags, restStart) = extractBuilderFlags(s, r..<t.upperBound)
        let args = GoText.trimSpace(s, restStart..<t.upperBound)
        return CommandSplit(keywordRange: t.lowerBound..<k, flags: flags, argumentsRange: args)
    }

    /// `extractBuilderFlags`: leading `--name[=value]` words. Bytes are handled one at a time, as in
    /// BuildKit (which turns each byte into a rune, so non-ASCII bytes are re-encoded as Latin-1).
    static func extractBuilderFlags(_ s: [UInt8], _ range: Range<Int>) -> ([Flag], Int) {
        enum Phase { case spaces, word, quote }
        var flags: [Flag] = []
        var phase = Phase.spaces
        var word: [UInt8] = []
        var quote: UInt8 = 0
        var blankOK = false
        var wordStart = range.lowerBound
        let end = range.upperBound
        func appendByte(_ b: UInt8) {
            if b < 0x80 {
                word.append(b)
            } else {
                word.append(0xC0 | (b >> 6))
                word.append(0x80 | (b & 0x3F))
            }
        }
        var pos = range.lowerBound
        while pos <= end {
            let ch: UInt8 = pos < end ? s[pos] : 0
            if phase == .spaces {
                if pos == end { break }
                if GoText.isSpaceByte(ch) {
                    pos += 1
                    continue
                }
                if ch != dash || pos + 1 == end || s[pos + 1] != dash { return (flags, pos) }
                phase = .word
                wordStart = pos
            }
            if pos == end {
                if word != [dash, dash] && (blankOK || !word.isEmpty) {
                    flags.append(Flag(text: String(decoding: word, as: UTF8.self), range: wordStart..<pos))
                }
                break
            }
            if phase == .word {
                if GoText.isSpaceByte(ch) {
                    phase = .spaces
                    if word == [dash, dash] { return (flags, pos) }
                    if blankOK || !word.isEmpty {
                        flags.append(
                            Flag(text: String(decoding: word, as: UTF8.self), range: wordStart..<pos))
                    }
                    word.removeAll(keepingCapacity: true)
                    blankOK = false
                    pos += 1
                    continue
                }
                if ch == quoteSingle || ch == quoteDouble {
                    quote = ch
                    blankOK = true
                    phase = .quote
                    pos += 1
                    continue
                }
                var c = ch
                if c == backslash {
                    if pos + 1 == end {
                        pos += 1
                        continue
                    }
                    pos += 1
                    c = s[pos]
                }
                appendByte(c)
                pos += 1
                continue
            }
            // phase == .quote
            if ch == quote {
                phase = .word
                pos += 1
                continue
            }
            var c = ch
            if c == backslash {
                if pos + 1 == end {
                    phase = .word
                    pos += 1
                    continue
                }
                pos += 1
                c = s[pos]
            }
            appendByte(c)
            pos += 1
        }
        return (flags, end)
    }

    /// `parseStringsWhitespaceDelimited`: split on `[\t\v\f\r ]+`.
    static func whitespaceDelimited(_ s: [UInt8], _ range: Range<Int>) -> ([String], [Range<Int>]) {
        guard !range.isEmpty else { return ([], []) }
        var values: [String] = []
        var ranges: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            if GoText.isTokenWhitespace(s[i]) {
                values.append(GoText.string(s, start..<i))
                ranges.append(start..<i)
                while i < range.upperBound && GoText.isTokenWhitespace(s[i]) { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        values.append(GoText.string(s, start..<range.upperBound))
        ranges.append(start..<range.upperBound)
        return (values, ranges)
    }

    /// `parseWords`: words separated by Unicode spaces; quotes and escapes are kept in the word.
    static func parseWords(_ s: [UInt8], _ range: Range<Int>, escape: UInt8) -> [(String, Range<Int>)] {
        enum Phase { case spaces, word, quote }
        var words: [(String, Range<Int>)] = []
        var phase = Phase.spaces
        var quote: UInt8 = 0
        var blankOK = false
        var sb: [UInt8] = []
        var wordStart = range.lowerBound
        let end = range.upperBound
        var pos = range.lowerBound
        var width = 1
        while pos <= end {
            var ch: UInt8 = 0
            if pos != end {
                ch = s[pos]
                width = min(GoText.runeWidth(ch), end - pos)
            }
            if phase == .spaces {
                if pos == end { break }
                let w = GoText.spaceWidth(s, pos, end)
                if w > 0 {
                    pos += w
                    continue
                }
                phase = .word
                wordStart = pos
            }
            if pos == end {
                if blankOK || !sb.isEmpty {
                    words.append((String(decoding: sb, as: UTF8.self), wordStart..<end))
                }
                break
            }
            if phase == .word {
                if GoText.spaceWidth(s, pos, end) > 0 {
                    phase = .spaces
                    if blankOK || !sb.isEmpty {
                        words.append((String(decoding: sb, as: UTF8.self), wordStart..<pos))
                    }
                    sb.removeAll(keepingCapacity: true)
                    blankOK = false
                    pos += width
                    continue
                }
                if ch == quoteSingle || ch == quoteDouble {
                    quote = ch
                    blankOK = true
                    phase = .quote
                }
                if ch == escape {
                    if pos + width == end {
                        pos += width
                        continue
                    }
                    sb.append(ch)
                    pos += width
                    width = min(GoText.runeWidth(s[pos]), end - pos)
                }
                sb.append(contentsOf: s[pos..<pos + width])
                pos += width
                continue
            }
            // phase == .quote
            if ch == quote { phase = .word }
            if ch == escape && quote != quoteSingle {
                if pos + width == end {
                    phase = .word
                    pos += width
                    continue
                }
                pos += width
                sb.append(escape)
                width = min(GoText.runeWidth(s[pos]), end - pos)
            }
            sb.append(contentsOf: s[pos..<pos + width])
            pos += width
        }
        return words
    }

    enum NameValueError: Error { case message(String) }

    /// `parseNameVal` for ENV and LABEL: `k=v ...` or the legacy `k v`.
    static func nameValue(_ s: [UInt8], _ range: Range<Int>, keyword: String, escape: UInt8)
        throws(NameValueError)
        -> ([String], [KeyValue])
    {
        let words = parseWords(s, range, escape: escape)
        guard let first = words.first else { return ([], []) }
        if !first.0.contains("=") {
            var i = range.lowerBound
            while i < range.upperBound && !GoText.isTokenWhitespace(s[i]) { i += 1 }
            guard i < range.upperBound else { throw .message("\(keyword) must have two arguments") }
            var j = i
            while j < range.upperBound && GoText.isTokenWhitespace(s[j]) { j += 1 }
            let key = GoText.string(s, range.lowerBound..<i)
            let value = GoText.string(s, j..<range.upperBound)
            return ([key, value], [KeyValue(key: key, rawValue: value, range: range)])
        }
        var values: [String] = []
        var pairs: [KeyValue] = []
        for (word, wordRange) in words {
            guard let eq = word.firstIndex(of: "=") else {
                throw .message(
                    "Syntax error - can't find = in \(goQuote(word)). Must be of the form: name=value")
            }
            let key = String(word[..<eq])
            let value = String(word[word.index(after: eq)...])
            values.append(key)
            values.append(value)
            pairs.append(KeyValue(key: key, rawValue: value, range: wordRange))
        }
        return (values, pairs)
    }

    /// `parseNameOrNameVal` for ARG: `name`, `name=`, `name=value`.
    static func nameOrNameValue(_ s: [UInt8], _ range: Range<Int>, escape: UInt8) -> ([String], [KeyValue]) {
        let words = parseWords(s, range, escape: escape)
        let pairs = words.map { word, r -> KeyValue in
            if let eq = word.firstIndex(of: "=") {
                return KeyValue(
                    key: String(word[..<eq]), rawValue: String(word[word.index(after: eq)...]), range: r)
            }
            return KeyValue(key: word, rawValue: nil, range: r)
        }
        return (words.map(\.0), pairs)
    }

    /// Go's `%q` for the strings that appear in BuildKit's messages.
    static func goQuote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
