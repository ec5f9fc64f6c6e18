/// Byte and character classes exactly as BuildKit's Go code applies them.
///
/// BuildKit mixes three notions of "space": `unicode.IsSpace` on decoded runes, the same function
/// on single bytes (`unicode.IsSpace(rune(line[i]))`, which also accepts 0x85 and 0xA0), and the
/// regular expression `[\t\v\f\r ]+`. Agreeing with BuildKit means using the right one each time.
enum GoText {
    /// `[\t\v\f\r ]`: BuildKit's `reWhitespace` / `tokenWhitespace`.
    @inline(__always)
    static func isTokenWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C || b == 0x0D
    }

    /// `unicode.IsSpace(rune(b))` applied to a single byte.
    @inline(__always)
    static func isSpaceByte(_ b: UInt8) -> Bool {
        (b >= 0x09 && b <= 0x0D) || b == 0x20 || b == 0x85 || b == 0xA0
    }

    /// The width of the rune at `i` when `unicode.IsSpace` holds for it, else 0.
    static func spaceWidth(_ s: [UInt8], _ i: Int, _ end: Int) -> Int {
        let b = s[i]
        if b < 0x80 { return (b >= 0x09 && b <= 0x0D) || b == 0x20 ? 1 : 0 }
        if b == 0xC2, i + 1 < end, s[i + 1] == 0x85 || s[i + 1] == 0xA0 { return 2 }
        if b == 0xE1, i + 2 < end, s[i + 1] == 0x9A, s[i + 2] == 0x80 { return 3 }
        if b == 0xE2, i + 2 < end {
            let c = s[i + 1]
            let d = s[i + 2]
            if c == 0x80, (0x80...0x8A).contains(d) || d == 0xA8 || d == 0xA9 || d == 0xAF { return 3 }
            if c == 0x81, d == 0x9F { return 3 }
        }
        if b == 0xE3, i + 2 < end, s[i + 1] == 0x80, s[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// The width of the UTF-8 sequence that starts with `b` (1 for a stray byte).
    @inline(__always)
    static func runeWidth(_ b: UInt8) -> Int {
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }

    /// The width of the rune ending just before `end` when it is a Go space, else 0.
    static func spaceWidthBefore(_ s: [UInt8], _ start: Int, _ end: Int) -> Int {
        var i = end - 1
        while i > start && s[i] & 0xC0 == 0x80 && end - i < 4 { i -= 1 }
        let w = spaceWidth(s, i, end)
        return w == end - i ? w : 0
    }

    /// `strings.TrimSpace` / `bytes.TrimLeftFunc(unicode.IsSpace)` on a range.
    static func trimSpace(_ s: [UInt8], _ range: Range<Int>, left: Bool = true, right: Bool = true)
        -> Range<Int>
    {
        var lo = range.lowerBound
        var hi = range.upperBound
        if left {
            while lo < hi {
                let w = spaceWidth(s, lo, hi)
                if w == 0 { break }
                lo += w
            }
        }
        if right {
            while hi > lo {
                let w = spaceWidthBefore(s, lo, hi)
                if w == 0 { break }
                hi -= w
            }
        }
        return lo..<hi
    }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    static func string(_ s: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: s[range], as: UTF8.self)
    }
}
