/// How BuildKit finds heredocs in an instruction line (`heredocsFromLine`): it splits the line into
/// shell words (quotes and escapes kept), and every word of the form `[fd]<<[-]WORD` opens one.
enum HeredocWords {
    struct Opening {
        var name: String
        var fileDescriptor: Int
        var expand: Bool
        var chomp: Bool
        var wordRange: Range<Int>
    }

    /// The heredocs opened by a logical line, in order.
    static func openings(_ s: [UInt8], _ range: Range<Int>) -> [Opening] {
        guard let words = rawWords(s, range) else { return [] }
        return words.compactMap { opening(s, $0) }
    }

    /// Shell words with quotes and escapes kept (BuildKit's lexer with RawQuotes and RawEscapes).
    /// Nil when a quote is not closed: BuildKit's lexer fails and no heredoc is found.
    static func rawWords(_ s: [UInt8], _ range: Range<Int>) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let w = GoText.spaceWidth(s, i, end)
            if w > 0 {
                i += w
                continue
            }
            let start = i
            while i < end && GoText.spaceWidth(s, i, end) == 0 {
                let c = s[i]
                if c == UInt8(ascii: "'") {
                    i += 1
                    while i < end && s[i] != UInt8(ascii: "'") { i += 1 }
                    guard i < end else { return nil }
                    i += 1
                } else if c == UInt8(ascii: "\"") {
                    i += 1
                    while i < end && s[i] != UInt8(ascii: "\"") {
                        i += s[i] == UInt8(ascii: "\\") && i + 1 < end ? 2 : 1
                    }
                    guard i < end else { return nil }
                    i += 1
                } else if c == UInt8(ascii: "\\") {
                    i = min(i + 2, end)
                } else {
                    i += 1
                }
            }
            words.append(start..<i)
        }
        return words
    }

    /// `^(\d*)<<(-?)([^<]*)$` and BuildKit's quote test for expansion.
    static func opening(_ s: [UInt8], _ word: Range<Int>) -> Opening? {
        var i = word.lowerBound
        let end = word.upperBound
        // BuildKit parses the descriptor with ParseUint, which saturates at 2^64-1 on overflow
        // (the reference dump shows that as -1); the word is a heredoc either way.
        var fd = 0
        var overflow = false
        while i < end && s[i] >= 0x30 && s[i] <= 0x39 {
            let (times, o1) = fd.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(s[i] - 0x30))
            if o1 || o2 { overflow = true }
            fd = plus
            i += 1
        }
        if overflow { fd = -1 }
        guard i + 1 < end, s[i] == UInt8(ascii: "<"), s[i + 1] == UInt8(ascii: "<") else { return nil }
        i += 2
        var chomp = false
        if i < end && s[i] == UInt8(ascii: "-") {
            chomp = true
            i += 1
        }
        let rest = i..<end
        guard !rest.isEmpty, !s[rest].contains(UInt8(ascii: "<")) else { return nil }
        guard let raw = rawWords(s, rest), raw.count == 1 else { return nil }
        let unquoted = unquote(s, rest)
        // A word that unquotes to nothing (`<<''`) is no heredoc for BuildKit's lexer.
        guard !unquoted.isEmpty else { return nil }
        let rawQuotes = s[rest].filter { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }.count
        let plainQuotes = unquoted.filter { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }.count
        return Opening(
            name: String(decoding: unquoted, as: UTF8.self), fileDescriptor: fd,
            expand: rawQuotes == plainQuotes, chomp: chomp, wordRange: word)
    }

    /// Quote removal and escape processing for the heredoc word.
    static func unquote(_ s: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "'") {
                i += 1
                while i < end && s[i] != UInt8(ascii: "'") {
                    out.append(s[i])
                    i += 1
                }
                i += 1
            } else if c == UInt8(ascii: "\"") {
                i += 1
                while i < end && s[i] != UInt8(ascii: "\"") {
                    if s[i] == UInt8(ascii: "\\"), i + 1 < end,
                        [UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "\\")].contains(s[i + 1])
                    {
                        i += 1
                    }
                    out.append(s[i])
                    i += 1
                }
                i += 1
            } else if c == UInt8(ascii: "\\") {
                // An escape escapes the next byte; a trailing one escapes nothing and is dropped.
                if i + 1 < end { out.append(s[i + 1]) }
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
