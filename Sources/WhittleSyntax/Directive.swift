/// A parser directive (`# syntax=...`, `# escape=...`, `# check=...`) at the top of the file.
///
/// BuildKit recognises directives only before the first instruction, comment or blank line; the
/// key is case-insensitive, and each may appear once.
public struct Directive: Sendable, Equatable {
    /// The key, lower-cased: `syntax`, `escape` or `check`.
    public let name: String
    /// The value with surrounding blanks removed.
    public let value: String
    /// The whole line, including its line terminator.
    public let range: Range<Int>
    /// The value's bytes in the source.
    public let valueRange: Range<Int>

    public init(name: String, value: String, range: Range<Int>, valueRange: Range<Int>) {
        self.name = name
        self.value = value
        self.range = range
        self.valueRange = valueRange
    }

    /// The keys BuildKit accepts as directives.
    public static let knownNames: Set<String> = ["syntax", "escape", "check"]
}

/// BuildKit's directive recogniser: `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, once per key,
/// only until the first line that is not a directive.
struct DirectiveScanner {
    private(set) var done = false
    private var seen: Set<String> = []

    enum Outcome {
        case none
        case directive(name: String, value: String, valueRange: Range<Int>)
        case failure(String)
    }

    /// Looks at one line's text (already without line terminator; left-trimmed where BuildKit does).
    mutating func scan(_ s: [UInt8], _ range: Range<Int>) -> Outcome {
        guard !done else { return .none }
        var i = range.lowerBound
        let end = range.upperBound
        guard i < end, s[i] == UInt8(ascii: "#") else {
            done = true
            return .none
        }
        i += 1
        i = GoText.trimSpace(s, i..<end, right: false).lowerBound
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let nameStart = i
        guard i < end, isLetter(s[i]) else {
            done = true
            return .none
        }
        while i < end, isLetter(s[i]) || isDigit(s[i]) { i += 1 }
        let nameEnd = i
        // \s in Go's RE2 is [\t\n\f\r ].
        func isRESpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        while i < end, isRESpace(s[i]) { i += 1 }
        guard i < end, s[i] == UInt8(ascii: "=") else {
            done = true
            return .none
        }
        i += 1
        let afterEquals = i
        while i < end, isRESpace(s[i]) { i += 1 }
        var valueEnd = end
        while valueEnd > i, isRESpace(s[valueEnd - 1]) { valueEnd -= 1 }
        if valueEnd == i {
            // `(.+?)` backtracks into the blanks: the value is the last blank character.
            guard end > afterEquals else {
                done = true
                return .none
            }
            i = end - 1
            valueEnd = end
        }
        let name = GoText.string(s, nameStart..<nameEnd).lowercased()
        guard Directive.knownNames.contains(name) else {
            done = true
            return .none
        }
        if seen.contains(name) { return .failure("only one \(name) parser directive can be used") }
        seen.insert(name)
        return .directive(name: name, value: GoText.string(s, i..<valueEnd), valueRange: i..<valueEnd)
    }
}
