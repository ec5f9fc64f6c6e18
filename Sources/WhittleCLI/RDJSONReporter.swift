import WhittleEngine
import WhittleSyntax

/// `check --format rdjson`: reviewdog's diagnostic format (Reviewdog Diagnostic Format, JSON).
///
/// Positions are 1-based lines and UTF-8 byte columns, as reviewdog specifies. Each applied fix
/// becomes suggestions that reviewdog posts as GitHub "suggested changes": one per block of
/// adjacent lines the fix touches, each replacing those whole lines, so that a reviewer can accept
/// them one by one and GitHub's line-based suggestions render exactly the fix. A fix with blocks
/// far apart becomes one diagnostic per block.
enum RDJSONReporter {
    static func document(_ reports: [FileReport]) -> JSONValue {
        var diagnostics: [JSONValue] = []
        for report in reports {
            guard let result = report.result else { continue }
            let source = result.original.source
            for finding in result.findings {
                let applied = Reporter.isApplied(finding, in: report)
                var message = finding.message
                if let fix = finding.fix {
                    message += " (\(fix.safety.rawValue) fix: \(fix.title)"
                    message += applied ? ")" : fix.safety == .unsafe ? "; use --unsafe-fixes)" : ")"
                }
                let blocks = applied ? LineBlock.blocks(of: finding.fix!, in: source) : []
                if blocks.isEmpty {
                    diagnostics.append(
                        diagnostic(report.path, message, finding, range(finding.range, source), []))
                    continue
                }
                for (n, block) in blocks.enumerated() {
                    var text = message
                    if blocks.count > 1 {
                        text += " [part \(n + 1) of \(blocks.count): accept every part together]"
                    }
                    diagnostics.append(
                        diagnostic(
                            report.path, text, finding, block.range(source), [block.suggestion(source)]))
                }
            }
        }
        return .object([
            (
                "source",
                .object([
                    ("name", .string("whittle")), ("url", .string("https://github.com/whittle-dev/whittle")),
                ])
            ),
            ("severity", .string("WARNING")),
            ("diagnostics", .array(diagnostics)),
        ])
    }

    static func diagnostic(
        _ path: String, _ message: String, _ f: Finding, _ range: JSONValue, _ suggestions: [JSONValue]
    )
        -> JSONValue
    {
        var members: [(String, JSONValue)] = [
            ("message", .string(message)),
            ("location", .object([("path", .string(path)), ("range", range)])),
            ("severity", .string(f.severity == .error ? "ERROR" : f.severity == .info ? "INFO" : "WARNING")),
            ("code", .object([("value", .string(f.passID))])),
        ]
        if !suggestions.isEmpty { members.append(("suggestions", .array(suggestions))) }
        return .object(members)
    }

    /// A position as reviewdog wants it: line and UTF-8 byte column, both 1-based.
    static func position(_ offset: Int, _ source: SourceText) -> JSONValue {
        let line = source.line(of: offset)
        return .object([("line", .int(line)), ("column", .int(offset - source.lineStarts[line - 1] + 1))])
    }

    static func range(_ r: Range<Int>, _ source: SourceText) -> JSONValue {
        .object([("start", position(r.lowerBound, source)), ("end", position(r.upperBound, source))])
    }

    /// Whole lines of the original file that one part of a fix rewrites.
    struct LineBlock {
        /// 1-based first and last line.
        let first: Int
        var last: Int
        var edits: [TextEdit]

        /// Groups a fix's edits into blocks of adjacent lines.
        static func blocks(of fix: Fix, in source: SourceText) -> [LineBlock] {
            var blocks: [LineBlock] = []
            for edit in fix.edits.sorted() {
                let first = source.line(of: edit.range.lowerBound)
                // An edit that ends at the start of a line ends on the line before it.
                var last = source.line(of: edit.range.upperBound)
                if edit.range.upperBound > edit.range.lowerBound,
                    source.lineStarts[last - 1] == edit.range.upperBound
                {
                    last -= 1
                }
                last = max(first, last)
                if var current = blocks.last, first <= current.last + 1 {
                    current.last = max(current.last, last)
                    current.edits.append(edit)
                    blocks[blocks.count - 1] = current
                } else {
                    blocks.append(LineBlock(first: first, last: last, edits: [edit]))
                }
            }
            return blocks
        }

        /// The bytes of the block's lines, terminators included.
        func span(_ source: SourceText) -> Range<Int> {
            source.lineRange(first).lowerBound..<source.lineRange(last).upperBound
        }

        /// The block's lines without the last line's terminator: what a suggestion replaces.
        func contentRange(_ source: SourceText) -> Range<Int> {
            var end = span(source).upperBound
            let bytes = source.bytes
            if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
            if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
            return span(source).lowerBound..<max(span(source).lowerBound, end)
        }

        func range(_ source: SourceText) -> JSONValue { RDJSONReporter.range(contentRange(source), source) }

        func suggestion(_ source: SourceText) -> JSONValue {
            let whole = span(source)
            let shifted = edits.map {
                TextEdit(
                    range: ($0.range.lowerBound - whole.lowerBound)..<($0.range.upperBound - whole.lowerBound),
                    replacement: $0.replacement)
            }
            var text = TextEdit.apply(shifted, to: Array(source.bytes[whole]))
            if text.isEmpty {
                // The lines go away entirely: a line-wise range (no columns) with no text.
                return .object([
                    (
                        "range",
                        .object([
                            ("start", .object([("line", .int(first))])),
                            ("end", .object([("line", .int(last))])),
                        ])
                    ),
                    ("text", .string("")),
                ])
            }
            // The suggestion replaces the lines' content; their last terminator stays.
            let removed = whole.upperBound - contentRange(source).upperBound
            if removed > 0 && text.count >= removed
                && Array(text.suffix(removed))
                    == Array(source.bytes[contentRange(source).upperBound..<whole.upperBound])
            {
                text.removeLast(removed)
            }
            return .object([
                ("range", range(source)), ("text", .string(String(decoding: text, as: UTF8.self))),
            ])
        }
    }
}
