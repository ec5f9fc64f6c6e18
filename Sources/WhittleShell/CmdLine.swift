/// A cmd.exe command line (`cmd /S /C LINE`, the shell form of Windows RUNs), read far enough
/// to know whether it can be chained with `&&`: its commands, and whatever would make a chain
/// mean something else.
///
/// cmd.exe gives `&&` and `||` the same precedence and `&` a lower one, so `A && B` keeps B from
/// running after a failure of A only when neither side has a bare `&` or an `||`; a `^` escapes
/// the next character, including the line end; `"` toggles quoting, inside which nothing is an
/// operator.
public struct CmdLine: Sendable {
    /// The commands, split at `&&` and `|` outside quotes; each command is its words (quotes
    /// removed), redirections included.
    public let commands: [[String]]
    /// Why the line cannot take part in an `&&` chain, or nil.
    public let problem: String?
    /// Whether the line starts with `"`: `cmd /S` then strips its first and last quote.
    public let startsWithQuote: Bool

    public init(_ text: String) {
        let chars = Array(text)
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var hasWord = false
        var quoted = false
        var problem: String?
        func endWord() {
            if hasWord { words.append(word) }
            word = ""
            hasWord = false
        }
        func endCommand() {
            endWord()
            commands.append(words)
            words = []
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                quoted.toggle()
                hasWord = true
                i += 1
                continue
            }
            if quoted {
                word.append(c)
                i += 1
                continue
            }
            switch c {
            case "^":
                problem = problem ?? "it uses cmd's `^` escape"
                i += 1
            case "&":
                if i + 1 < chars.count && chars[i + 1] == "&" {
                    endCommand()
                    i += 2
                } else {
                    problem =
                        problem ?? "it uses cmd's `&`, which would let a later command run after a failure"
                    endCommand()
                    i += 1
                }
            case "|":
                if i + 1 < chars.count && chars[i + 1] == "|" {
                    problem = problem ?? "it uses `||`, which would let a later command run after a failure"
                    endCommand()
                    i += 2
                } else {
                    endCommand()
                    i += 1
                }
            case " ", "\t", "\n", "\r":
                endWord()
                i += 1
            default:
                word.append(c)
                hasWord = true
                i += 1
            }
        }
        if quoted { problem = problem ?? "its double quotes are not balanced" }
        endCommand()
        self.commands = commands.filter { !$0.isEmpty }
        self.problem = problem
        self.startsWithQuote = text.drop { $0 == " " || $0 == "\t" }.first == "\""
    }

    /// A command's program: `C:\Windows\System32\where.exe` -> `where`.
    public static func programName(_ word: String) -> String {
        var name = word.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? word
        name = name.lowercased()
        if name.hasSuffix(".exe") { name.removeLast(4) }
        return name
    }
}
