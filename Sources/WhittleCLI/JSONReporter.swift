import WhittleEngine
import WhittleSyntax

/// `check --format json`: a stable, documented schema (Docs/CLI.md, "JSON output").
enum JSONReporter {
    static let schemaVersion = 1

    static func document(_ reports: [FileReport]) -> JSONValue {
        var findings = 0
        var fixable = 0
        let files: [JSONValue] = reports.map { report in
            var members: [(String, JSONValue)] = [("path", .string(report.path))]
            if let problem = report.problem {
                members.append(
                    (
                        "error",
                        location(problem.error.line, problem.error.column, message: problem.error.message)
                    ))
                return .object(members)
            }
            guard let result = report.result else { return .object(members) }
            let source = result.original.source
            members.append(("changed", .bool(result.changed)))
            members.append(
                (
                    "findings",
                    .array(
                        result.findings.map { f in
                            findings += 1
                            let applied = Reporter.isApplied(f, in: report)
                            if applied { fixable += 1 }
                            return finding(f, source: source, applied: applied)
                        })
                ))
            if !result.internalErrors.isEmpty {
                members.append(("internal_errors", .array(result.internalErrors.map { .string($0) })))
            }
            return .object(members)
        }
        return .object([
            ("version", .int(schemaVersion)),
            ("tool", .object([("name", .string("whittle")), ("version", .string(Help.version))])),
            ("files", .array(files)),
            (
                "summary",
                .object([
                    ("files", .int(reports.count)), ("findings", .int(findings)), ("fixable", .int(fixable)),
                    ("errors", .int(reports.filter { $0.problem != nil }.count)),
                ])
            ),
        ])
    }

    static func location(_ line: Int, _ column: Int, message: String) -> JSONValue {
        .object([("line", .int(line)), ("column", .int(column)), ("message", .string(message))])
    }

    static func position(_ l: SourceLocation) -> JSONValue {
        .object([("line", .int(l.line)), ("column", .int(l.column)), ("offset", .int(l.offset))])
    }

    static func finding(_ f: Finding, source: SourceText, applied: Bool) -> JSONValue {
        let (start, end) = f.located(in: source)
        var members: [(String, JSONValue)] = [
            ("rule", .string(f.passID)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message)),
            ("start", position(start)),
            ("end", position(end)),
            ("notes", .array(f.notes.map { .string($0) })),
        ]
        if let e = f.effect {
            var effect: [(String, JSONValue)] = []
            if let l = e.layersRemoved { effect.append(("layers_removed", .int(l))) }
            if let b = e.bytesSaved { effect.append(("bytes_saved", .int(b))) }
            effect.append(("keeps_cache_on_source_change", .bool(e.keepsCacheOnSourceChange)))
            if let n = e.note { effect.append(("note", .string(n))) }
            effect.append(("summary", .string(e.summary)))
            members.append(("effect", .object(effect)))
        } else {
            members.append(("effect", .null))
        }
        if let fix = f.fix {
            members.append(
                (
                    "fix",
                    .object([
                        ("title", .string(fix.title)),
                        ("safety", .string(fix.safety.rawValue)),
                        ("applied", .bool(applied)),
                        (
                            "edits",
                            .array(
                                fix.edits.map { edit in
                                    .object([
                                        ("start", position(source.location(of: edit.range.lowerBound))),
                                        ("end", position(source.location(of: edit.range.upperBound))),
                                        (
                                            "replacement",
                                            .string(String(decoding: edit.replacement, as: UTF8.self))
                                        ),
                                    ])
                                })
                        ),
                    ])
                ))
        } else {
            members.append(("fix", .null))
        }
        return .object(members)
    }
}
