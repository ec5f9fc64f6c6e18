import WhittleSyntax

/// The conventions a file already follows, so that text whittle writes looks like the user's own:
/// line terminator, escape character, keyword case, continuation indent and where `&&` goes.
public struct FileStyle: Sendable, Equatable {
    public enum OperatorPlacement: Sendable, Equatable {
        /// `apt-get update && \` / `    apt-get install`
        case lineEnd
        /// `apt-get update \` / `    && apt-get install`
        case lineStart
    }

    public var newline: String
    public var escape: Character
    public var uppercaseKeywords: Bool
    /// Leading blanks of continuation lines, e.g. four spaces or a tab.
    public var continuationIndent: String
    public var operatorPlacement: OperatorPlacement

    public init(
        newline: String = "\n", escape: Character = "\\", uppercaseKeywords: Bool = true,
        continuationIndent: String = "    ", operatorPlacement: OperatorPlacement = .lineEnd
    ) {
        self.newline = newline
        self.escape = escape
        self.uppercaseKeywords = uppercaseKeywords
        self.continuationIndent = continuationIndent
        self.operatorPlacement = operatorPlacement
    }

    /// Reads the style off a parsed file; defaults where the file has no example.
    public init(_ file: Dockerfile) {
        self.init()
        newline = file.usesCRLF ? "\r\n" : "\n"
        escape = Character(Unicode.Scalar(file.escape))
        let keywords = file.instructions.map(\.keyword).filter { !$0.isEmpty }
        let lower = keywords.filter { $0 == $0.lowercased() && $0 != $0.uppercased() }.count
        uppercaseKeywords = lower * 2 <= keywords.count
        readContinuations(of: file.instructions, in: file)
    }

    /// The style of one instruction's continuation lines (what is appended to a RUN follows the
    /// RUN, where it differs from the rest of the file), with `fileStyle` where it has no
    /// example.
    public init(of instruction: Instruction, in file: Dockerfile, fileStyle: FileStyle) {
        self.init(of: [instruction], in: file, fileStyle: fileStyle)
    }

    /// The style of the continuation lines of a few instructions (RUNs about to be merged).
    public init(of instructions: [Instruction], in file: Dockerfile, fileStyle: FileStyle) {
        self = fileStyle
        readContinuations(of: instructions, in: file)
    }

    /// Sets the indent and the operator placement from the continuation lines of `instructions`,
    /// where they have examples.
    mutating func readContinuations(of instructions: [Instruction], in file: Dockerfile) {
        // Indents of continuation lines that start a command (after a line ending in `&&`, `||`
        // or `;`, or starting with `&&`/`||`), and of all continuation lines as a fallback: a
        // package list indented deeper than the commands must not set the style.
        var commandIndents: [String: Int] = [:]
        var allIndents: [String: Int] = [:]
        var atEnd = 0
        var atStart = 0
        let s = file.source.bytes
        for instruction in instructions where instruction.isMultiline {
            let firstLine = instruction.startLine
            let lastLine = instruction.endLine - instruction.heredocs.count
            guard lastLine > firstLine else { continue }
            var previousEndsWithOperator = false
            for line in firstLine...lastLine {
                let r = file.source.lineRange(line)
                var i = r.lowerBound
                while i < r.upperBound && (s[i] == 0x20 || s[i] == 0x09) { i += 1 }
                let isComment = i < r.upperBound && s[i] == UInt8(ascii: "#")
                if line > firstLine && i < r.upperBound && s[i] != 0x0A && s[i] != 0x0D && !isComment {
                    let indent = String(decoding: s[r.lowerBound..<i], as: UTF8.self)
                    allIndents[indent, default: 0] += 1
                    let startsWithOperator =
                        s[i...].starts(with: Array("&&".utf8)) || s[i...].starts(with: Array("||".utf8))
                    if startsWithOperator { atStart += 1 }
                    if startsWithOperator || previousEndsWithOperator {
                        commandIndents[indent, default: 0] += 1
                    }
                }
                if isComment { continue }
                var e = r.upperBound
                while e > r.lowerBound
                    && (s[e - 1] == 0x0A || s[e - 1] == 0x0D || s[e - 1] == 0x20 || s[e - 1] == 0x09)
                { e -= 1 }
                previousEndsWithOperator = false
                if e > r.lowerBound && s[e - 1] == file.escape {
                    var k = e - 1
                    while k > r.lowerBound && (s[k - 1] == 0x20 || s[k - 1] == 0x09) { k -= 1 }
                    let body = s[r.lowerBound..<k]
                    if body.hasSuffix(Array("&&".utf8)) { atEnd += 1 }
                    previousEndsWithOperator =
                        body.hasSuffix(Array("&&".utf8)) || body.hasSuffix(Array("||".utf8))
                        || body.hasSuffix(Array(";".utf8))
                }
            }
        }
        let indents = commandIndents.isEmpty ? allIndents : commandIndents
        if let best = indents.filter({ !$0.key.isEmpty }).max(by: {
            ($0.value, $1.key.count) < ($1.value, $0.key.count)
        }) {
            continuationIndent = best.key
        }
        if atStart != atEnd { operatorPlacement = atStart > atEnd ? .lineStart : .lineEnd }
    }

    /// A keyword in the file's case.
    public func keyword(_ name: String) -> String {
        uppercaseKeywords ? name.uppercased() : name.lowercased()
    }

    /// `" \"` + newline: the end of a continued line.
    public var lineContinuation: String { " \(escape)\(newline)" }

    /// Shell commands joined into one `&&` chain over continuation lines, in the file's style.
    /// The first command is not indented; the result has no final newline.
    public func andChain(_ commands: [String]) -> String {
        guard var out = commands.first else { return "" }
        for command in commands.dropFirst() {
            switch operatorPlacement {
            case .lineEnd: out += " &&" + lineContinuation + continuationIndent + command
            case .lineStart: out += lineContinuation + continuationIndent + "&& " + command
            }
        }
        return out
    }
}

extension ArraySlice where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
