import WhittleEngine
import WhittleSyntax

/// Human-readable findings, in the manner of ruff: `path:line:col: id message`, a code frame, the
/// fix and its safety, and a closing count.
struct TextReporter {
    let terminal: Terminal
    let options: CommandOptions

    func emit(_ reports: [FileReport], io: ProcessIO) {
        var total = 0
        var fixable = 0
        var hiddenUnsafe = 0
        var errors = 0
        for report in reports {
            if let problem = report.problem {
                io.err(problem.line + "\n")
                errors += 1
                continue
            }
            guard let result = report.result else { continue }
            for message in result.internalErrors { io.err("\(report.path): \(message)\n") }
            let source = result.original.source
            for finding in result.findings {
                total += 1
                let (start, end) = finding.located(in: source)
                let applied = Reporter.isApplied(finding, in: report)
                if applied { fixable += 1 }
                let marker = applied ? " " + terminal.cyan("[*]") : ""
                io.out(
                    "\(terminal.bold(report.path)):\(start.line):\(start.column): \(terminal.red(finding.passID))\(marker) \(finding.message)\n"
                )
                if !options.quiet { io.out(frame(source, start, end)) }
                if let effect = finding.effect, !effect.summary.isEmpty {
                    io.out("  \(terminal.blue("=")) saves: \(effect.summary)\n")
                }
                if let fix = finding.fix {
                    let how: String
                    switch fix.safety {
                    case .safe: how = "safe fix"
                    case .unsafe:
                        how =
                            applied
                            ? "unsafe fix, applied with --unsafe-fixes" : "unsafe fix, use --unsafe-fixes"
                    case .suggestion: how = "suggestion, not applied"
                    }
                    io.out("  \(terminal.blue("=")) \(how): \(fix.title)\n")
                }
                for note in finding.notes { io.out("  \(terminal.blue("=")) note: \(note)\n") }
                if !options.quiet { io.out("\n") }
            }
            hiddenUnsafe += result.hiddenUnsafeFixes
        }
        guard !options.quiet else { return }
        if total == 0 && errors == 0 {
            io.out("All checks passed!\n")
            return
        }
        var line = "Found \(total) finding\(total == 1 ? "" : "s")"
        if fixable > 0 { line += " (\(fixable) fixable with `whittle fix`)" }
        line += "."
        if errors > 0 { line += " \(errors) file\(errors == 1 ? "" : "s") could not be read." }
        io.out(line + "\n")
        if hiddenUnsafe > 0 {
            io.out(
                "\(hiddenUnsafe) unsafe fix\(hiddenUnsafe == 1 ? "" : "es") hidden, use --unsafe-fixes to apply.\n"
            )
        }
    }

    /// A short code frame: the finding's first lines (at most 3) with a caret line under the first.
    func frame(_ source: SourceText, _ start: SourceLocation, _ end: SourceLocation) -> String {
        let last = min(end.line, start.line + 2, source.lineStarts.count)
        let width = String(last).count
        var out = "  \(String(repeating: " ", count: width)) \(terminal.blue("|"))\n"
        for line in start.line...max(start.line, last) {
            var text = source.string(source.lineRange(line))
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            let number = String(line)
            out +=
                "  \(terminal.blue(String(repeating: " ", count: width - number.count) + number + " |")) \(text)\n"
            if line == start.line {
                let caretCount = max(1, (end.line == start.line ? end.column : text.count + 1) - start.column)
                out +=
                    "  \(String(repeating: " ", count: width)) \(terminal.blue("|")) "
                    + String(repeating: " ", count: max(0, start.column - 1))
                    + terminal.red(String(repeating: "^", count: min(caretCount, 80))) + "\n"
            }
        }
        return out
    }
}
