/// The tokens of a PowerShell script, as far as whittle needs them to tell commands, variables,
/// assignments and statement boundaries apart (see `PowerShellAudit`). Not a full PowerShell
/// lexer: what it does not know (here-strings, an unterminated string or comment) makes the
/// script `incomplete`, and whittle then leaves it alone.
public struct PowerShellTokens: Sendable {
    public enum Token: Equatable, Sendable {
        /// A bareword: a command name, an argument, a parameter (`-Uri`), a number, `.Hash`.
        case word(String)
        /// `$name`, `$env:NAME`, `${name}`, `$_`.
        case variable(String)
        /// A quoted string, with the text of each `$( ... )` inside a double-quoted one.
        case string(subexpressions: [String])
        /// `[System.IO.Path]`, `[string[]]`.
        case type(String)
        /// An operator or punctuation: `;` `|` `(` `)` `{` `}` `[` `]` `,` `=` `&` `&&` `||` `.`
        /// `>`; `(` also stands for `$(` and `@(`, `@{` is `@{`.
        case op(String)
        /// A line end (a statement separator outside parentheses).
        case newline
        /// A `#` or `<# #>` comment.
        case comment
    }

    public let tokens: [Token]
    /// False when the script uses what this reader does not follow, or ends inside a string,
    /// a comment or a `$( ... )`.
    public let complete: Bool

    public init(_ text: String) {
        var reader = Reader(chars: Array(text))
        reader.run()
        tokens = reader.tokens
        complete = reader.complete
    }

    struct Reader {
        let chars: [Character]
        var i = 0
        var tokens: [Token] = []
        var complete = true

        func peek(_ k: Int = 0) -> Character? { i + k < chars.count ? chars[i + k] : nil }

        static let wordStops: Set<Character> = [
            " ", "\t", "\n", "\r", ";", "|", "(", ")", "{", "}", "'", "\"", ",", "&", ">", "<",
        ]

        mutating func run() {
            while i < chars.count {
                let c = chars[i]
                switch c {
                case " ", "\t":
                    i += 1
                case "\n", "\r":
                    tokens.append(.newline)
                    i += 1
                case "#":
                    while i < chars.count && chars[i] != "\n" && chars[i] != "\r" { i += 1 }
                    tokens.append(.comment)
                case "<" where peek(1) == "#":
                    i += 2
                    var closed = false
                    while i < chars.count {
                        if chars[i] == "#" && peek(1) == ">" {
                            i += 2
                            closed = true
                            break
                        }
                        i += 1
                    }
                    if !closed { complete = false }
                    tokens.append(.comment)
                case "'":
                    i += 1
                    if !skipSingleQuoted() { complete = false }
                    tokens.append(.string(subexpressions: []))
                case "\"":
                    i += 1
                    let (subexpressions, closed) = readDoubleQuoted()
                    if !closed { complete = false }
                    tokens.append(.string(subexpressions: subexpressions))
                case "@" where peek(1) == "'" || peek(1) == "\"":
                    // A here-string: not followed.
                    complete = false
                    i = chars.count
                case "@" where peek(1) == "(":
                    tokens.append(.op("("))
                    i += 2
                case "@" where peek(1) == "{":
                    tokens.append(.op("@{"))
                    i += 2
                case "$" where peek(1) == "(":
                    tokens.append(.op("("))
                    i += 2
                case "$":
                    tokens.append(.variable(readVariable()))
                case "[" where peek(1).map { $0.isLetter } ?? false:
                    readType()
                case ";", "(", ")", "{", "}", "[", "]", ",":
                    tokens.append(.op(String(c)))
                    i += 1
                case "&", "|":
                    if peek(1) == c {
                        tokens.append(.op(String([c, c])))
                        i += 2
                    } else {
                        tokens.append(.op(String(c)))
                        i += 1
                    }
                case ">", "<":
                    tokens.append(.op(">"))
                    i += 1
                    while let n = peek(), n == ">" || n == "&" || n == "1" || n == "2" { i += 1 }
                case "=":
                    tokens.append(.op("="))
                    i += 1
                    if peek() == "=" { i += 1 }
                case "." where i + 1 >= chars.count || peek(1) == " " || peek(1) == "\t":
                    tokens.append(.op("."))
                    i += 1
                default:
                    let word = readWord()
                    // `+=`, `-=`, `++`, `--` are assignments; `2>` a redirection.
                    if ["+=", "-=", "*=", "/=", "%=", "??=", "++", "--"].contains(word) {
                        tokens.append(.op("="))
                    } else if word.count == 1, word.first!.isNumber, peek() == ">" {
                        continue
                    } else {
                        tokens.append(.word(word))
                    }
                }
            }
        }

        /// After an opening `'`: to the closing one (`''` is a quote inside).
        mutating func skipSingleQuoted() -> Bool {
            while i < chars.count {
                if chars[i] == "'" {
                    if peek(1) == "'" {
                        i += 2
                        continue
                    }
                    i += 1
                    return true
                }
                i += 1
            }
            return false
        }

        /// After an opening `"`: to the closing one, collecting `$( ... )` texts.
        mutating func readDoubleQuoted() -> ([String], Bool) {
            var subexpressions: [String] = []
            while i < chars.count {
                let c = chars[i]
                if c == "`" {
                    i += 2
                    continue
                }
                if c == "\"" {
                    if peek(1) == "\"" {
                        i += 2
                        continue
                    }
                    i += 1
                    return (subexpressions, true)
                }
                if c == "$" && peek(1) == "(" {
                    i += 2
                    guard let inner = readBalancedParenthesis() else { return (subexpressions, false) }
                    subexpressions.append(inner)
                    continue
                }
                i += 1
            }
            return (subexpressions, false)
        }

        /// After `$(` inside a string: the text to the matching `)`, skipping quoted parts.
        mutating func readBalancedParenthesis() -> String? {
            let start = i
            var depth = 1
            while i < chars.count {
                let c = chars[i]
                if c == "`" {
                    i += 2
                    continue
                }
                if c == "'" {
                    i += 1
                    if !skipSingleQuoted() { return nil }
                    continue
                }
                if c == "\"" {
                    i += 1
                    let (_, closed) = readDoubleQuoted()
                    if !closed { return nil }
                    continue
                }
                if c == "(" { depth += 1 }
                if c == ")" {
                    depth -= 1
                    if depth == 0 {
                        let inner = String(chars[start..<i])
                        i += 1
                        return inner
                    }
                }
                i += 1
            }
            return nil
        }

        /// After `$`: the variable's name (`env:PATH`, `_`, `{odd name}`).
        mutating func readVariable() -> String {
            i += 1
            if peek() == "{" {
                let start = i + 1
                while i < chars.count && chars[i] != "}" { i += 1 }
                let name = String(chars[min(start, chars.count)..<min(i, chars.count)])
                if i < chars.count { i += 1 } else { complete = false }
                return name
            }
            let start = i
            if let c = peek(), c == "?" || c == "$" || c == "^" {
                i += 1
                return String(c)
            }
            while let c = peek(), c.isLetter || c.isNumber || c == "_" || c == ":" {
                // `$env:X` is one name; a `::` after a variable is a static member access.
                if c == ":" && peek(1) == ":" { break }
                i += 1
            }
            return String(chars[start..<i])
        }

        /// `[Name.Space.Type]` or `[type[]]`, from the opening bracket.
        mutating func readType() {
            var j = i + 1
            var depth = 1
            while j < chars.count {
                let c = chars[j]
                if c == "[" {
                    depth += 1
                } else if c == "]" {
                    depth -= 1
                    if depth == 0 { break }
                } else if !(c.isLetter || c.isNumber || c == "." || c == "_" || c == "," || c == " ") {
                    // Not a type literal (an index or attribute): plain bracket.
                    tokens.append(.op("["))
                    i += 1
                    return
                }
                j += 1
            }
            guard j < chars.count else {
                tokens.append(.op("["))
                i += 1
                return
            }
            tokens.append(.type(String(chars[(i + 1)..<j])))
            i = j + 1
        }

        /// A bareword; a backtick escapes the next character.
        mutating func readWord() -> String {
            var word = ""
            while i < chars.count {
                let c = chars[i]
                if c == "`" {
                    if i + 1 < chars.count { word.append(chars[i + 1]) }
                    i += 2
                    continue
                }
                if Self.wordStops.contains(c) { break }
                if c == "$" && peek(1) == "(" { break }
                if c == "=" && !word.isEmpty && !["+", "-", "*", "/", "%", "?"].contains(word.last!) {
                    break
                }
                word.append(c)
                i += 1
            }
            if word.isEmpty && i < chars.count {
                // A character no rule takes: keep going.
                word = String(chars[i])
                i += 1
            }
            return word
        }
    }
}
