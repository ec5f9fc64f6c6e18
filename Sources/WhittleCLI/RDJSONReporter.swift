import WhittleEngine
import WhittleSyntax

/// `check --format rdjson`: reviewdog's diagnostic format. Each fixable finding carries its edits
/// as suggestions, which reviewdog posts as GitHub "suggested changes".
enum RDJSONReporter {
    static func document(_ reports: [FileReport]) -> JSONValue {
        var diagnostics: [JSONValue] = []
        for report in reports {
            guard let result = report.result else { continue }
            let source = result.original.source
            for finding in result.findings {
                let (start, end) = finding.located(in: source)
                var members: [(String, JSONValue)] = [
                    ("message", .string(finding.message)),
                    ("location", .object([("path", .string(report.path)), ("range", range(start, end))])),
                    (
                        "severity",
                        .string(
                            finding.severity == .error
                                ? "ERROR" : finding.severity == .info ? "INFO" : "WARNING")
                    ),
                    ("code", .object([("value", .string(finding.passID))])),
                ]
                if let fix = finding.fix, fix.safety != .suggestion {
                    members.append(
                        (
                            "suggestions",
                            .array(
                                fix.edits.map { edit in
                                    .object([
                                        (
                                            "range",
                                            range(
                                                source.location(of: edit.range.lowerBound),
                                                source.location(of: edit.range.upperBound))
                                        ),
                                        ("text", .string(String(decoding: edit.replacement, as: UTF8.self))),
                                    ])
                                })
                        ))
                }
                diagnostics.append(.object(members))
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

    static func range(_ a: SourceLocation, _ b: SourceLocation) -> JSONValue {
        .object([
            ("start", .object([("line", .int(a.line)), ("column", .int(a.column))])),
            ("end", .object([("line", .int(b.line)), ("column", .int(b.column))])),
        ])
    }
}
