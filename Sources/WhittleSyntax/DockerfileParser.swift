/// Reads a Dockerfile the way BuildKit's `parser.Parse` does, line by line, while recording which
/// bytes belong to which node so that nothing is lost.
///
/// The steps mirror BuildKit's: strip a BOM from the first line; for each physical line drop the
/// line terminator, trim leading blanks (first line of an instruction only), look for a parser
/// directive, treat `#` lines as comments; a line ending in the escape character continues on the
/// next line, where comment lines and blank lines are skipped; then split the keyword and flags,
/// parse the arguments per instruction, and read the heredoc bodies that follow.
struct DockerfileParser {
    private let s: [UInt8]
    private let source: SourceText
    private var escape = UInt8(ascii: "\\")
    private var directives = DirectiveScanner()
    private var nodes: [SyntaxNode] = []
    private var firstError: SyntaxError?
    /// Physical lines: start, end of content (terminator excluded), end (terminator included).
    private var lines: [(start: Int, content: Int, end: Int)] = []

    static let maxLineLength = 65_535

    /// BuildKit's bufio.Scanner holds at most 65,536 bytes: a line with its terminator may fill
    /// the buffer, a last line without one must leave a byte free to see the end of the file.
    private func isTooLong(_ line: (start: Int, content: Int, end: Int)) -> Bool {
        let terminated = line.end > line.start && s[line.end - 1] == 0x0A
        return line.end - line.start > (terminated ? Self.maxLineLength + 1 : Self.maxLineLength)
    }

    init(_ bytes: [UInt8]) {
        s = bytes
        source = SourceText(bytes)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let lineEnd = end < bytes.count ? end + 1 : end
            var content = lineEnd
            while content > start && (bytes[content - 1] == 0x0A || bytes[content - 1] == 0x0D) {
                content -= 1
            }
            lines.append((start, content, lineEnd))
            start = lineEnd
        }
    }

    private mutating func fail(_ message: String, line: Int, at offset: Int? = nil) {
        guard firstError == nil else { return }
        let column = offset.map { source.location(of: $0).column } ?? 1
        firstError = SyntaxError(.syntax, message, line: line, column: column)
    }

    private func isCommentLine(_ start: Int, _ end: Int) -> Bool {
        let t = GoText.trimSpace(s, start..<end, right: false)
        return !t.isEmpty && s[t.lowerBound] == UInt8(ascii: "#")
    }

    /// `trimContinuationCharacter`: the kept part of a line and whether the instruction ends here.
    private func trimContinuation(_ range: Range<Int>) -> (Range<Int>, Bool) {
        var j = range.upperBound
        while j > range.lowerBound && (s[j - 1] == 0x20 || s[j - 1] == 0x09) { j -= 1 }
        guard j > range.lowerBound, s[j - 1] == escape else { return (range, true) }
        let escapeAt = j - 1
        if escapeAt > range.lowerBound && s[escapeAt - 1] == escape { return (range, true) }
        return (range.lowerBound..<escapeAt, false)
    }

    mutating func parse() -> Dockerfile {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            var start = line.start
            if index == 0 && s.count >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF {
                nodes.append(.byteOrderMark(0..<3))
                start = 3
            }
            if isTooLong(line) {
                fail(
                    "dockerfile line greater than max allowed size of \(Self.maxLineLength)", line: index + 1)
            }
            let token = GoText.trimSpace(s, start..<line.content, right: false)
            switch directives.scan(s, token) {
            case .directive(let name, let value, let valueRange):
                if name == "escape" {
                    if value == "\\" || value == "`" {
                        escape = Array(value.utf8)[0]
                    } else {
                        fail(
                            "invalid escape token '\(value)' does not match ` or \\", line: index + 1,
                            at: valueRange.lowerBound)
                    }
                }
                nodes.append(
                    .directive(
                        Directive(name: name, value: value, range: start..<line.end, valueRange: valueRange)))
                index += 1
                continue
            case .failure(let message):
                fail(message, line: index + 1, at: token.lowerBound)
            case .none:
                break
            }
            let isComment = !token.isEmpty && s[token.lowerBound] == UInt8(ascii: "#")
            let processed = isComment ? token.lowerBound..<token.lowerBound : token
            let (kept, endsHere) = trimContinuation(processed)
            if endsHere && kept.isEmpty {
                // (A file that is only a byte-order mark has nothing after it.)
                if start < line.end {
                    nodes.append(isComment ? .comment(start..<line.end) : .blank(start..<line.end))
                }
                index += 1
                continue
            }
            index = parseInstruction(startingAt: index, from: start, firstPiece: kept, endsHere: endsHere)
        }
        if firstError == nil && !nodes.contains(where: { $0.instruction != nil }) {
            fail("file with no instructions", line: max(1, lines.count))
        }
        return Dockerfile(source: source, nodes: nodes, escape: escape, error: firstError)
    }

    static func containsHeredocMarker(_ s: [UInt8]) -> Bool {
        var i = 1
        while i < s.count {
            if s[i] == 0x3C && s[i - 1] == 0x3C { return true }
            i += 1
        }
        return false
    }

    /// Reads one instruction whose first line is `lines[first]`; returns the next line index.
    private mutating func parseInstruction(
        startingAt first: Int, from start: Int, firstPiece: Range<Int>, endsHere: Bool
    ) -> Int {
        var text = MappedText(anchor: firstPiece.lowerBound)
        text.append(s, firstPiece)
        var comments: [Range<Int>] = []
        var empties: [Range<Int>] = []
        var index = first + 1
        var ended = endsHere
        while !ended && index < lines.count {
            let line = lines[index]
            index += 1
            if isTooLong(line) {
                fail("dockerfile line greater than max allowed size of \(Self.maxLineLength)", line: index)
            }
            if isCommentLine(line.start, line.end) {
                comments.append(line.start..<line.end)
                continue
            }
            if GoText.trimSpace(s, line.start..<line.content, right: false).isEmpty {
                empties.append(line.start..<line.end)
                continue
            }
            let (kept, endsHere) = trimContinuation(line.start..<line.content)
            text.append(s, kept)
            ended = endsHere
        }
        let startLine = first + 1
        var reader = InstructionReader(text: text, escape: escape)
        var instruction = reader.read(0..<text.bytes.count)
        if let message = reader.error {
            fail(message, line: startLine, at: start)
        }
        var heredocs: [Heredoc] = []
        let heredocHost = instruction.kind == .onbuild ? instruction.trigger : instruction
        if let host = heredocHost, host.kind.canContainHeredoc, !host.isJSON,
            Self.containsHeredocMarker(text.bytes)
        {
            for opening in HeredocWords.openings(text.bytes, 0..<text.bytes.count) {
                let bodyStart = index < lines.count ? lines[index].start : s.count
                var terminated = false
                var terminator = s.count..<s.count
                while index < lines.count {
                    let line = lines[index]
                    index += 1
                    var t = line.start
                    if opening.chomp { while t < line.content && s[t] == 0x09 { t += 1 } }
                    if s[t..<line.content].elementsEqual(opening.name.utf8) {
                        terminated = true
                        terminator = line.start..<line.end
                        break
                    }
                }
                let bodyEnd = terminated ? terminator.lowerBound : s.count
                if !terminated {
                    fail(
                        "unterminated heredoc", line: startLine,
                        at: text.sourceOffset(ofLogical: opening.wordRange.lowerBound))
                }
                heredocs.append(
                    Heredoc(
                        name: opening.name, fileDescriptor: opening.fileDescriptor, expand: opening.expand,
                        chomp: opening.chomp,
                        content: String(decoding: s[bodyStart..<bodyEnd], as: UTF8.self),
                        wordRange: opening.wordRange, bodyRange: bodyStart..<bodyEnd,
                        terminatorRange: terminator))
                if !terminated { break }
            }
        }
        let end = index > 0 ? lines[index - 1].end : s.count
        instruction = instruction.placed(
            range: start..<end, startLine: startLine, endLine: max(startLine, index), heredocs: heredocs,
            continuationComments: comments, emptyContinuationLines: empties)
        nodes.append(.instruction(instruction))
        return index
    }
}

extension Instruction {
    /// The same instruction with its place in the file filled in.
    func placed(
        range: Range<Int>, startLine: Int, endLine: Int, heredocs: [Heredoc],
        continuationComments: [Range<Int>],
        emptyContinuationLines: [Range<Int>]
    ) -> Instruction {
        Instruction(
            keyword: keyword, range: range, startLine: startLine, endLine: endLine, text: text,
            keywordRange: keywordRange, flags: flags, argumentsRange: argumentsRange, value: value,
            valueRanges: valueRanges, isJSON: isJSON, heredocs: heredocs,
            continuationComments: continuationComments, emptyContinuationLines: emptyContinuationLines,
            trigger: trigger.map {
                $0.placed(
                    range: range, startLine: startLine, endLine: endLine, heredocs: heredocs,
                    continuationComments: [], emptyContinuationLines: [])
            })
    }
}
