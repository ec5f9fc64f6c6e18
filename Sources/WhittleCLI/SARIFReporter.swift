import WhittleEngine
import WhittlePasses
import WhittleSyntax

/// `check --format sarif`: SARIF 2.1.0 with `fixes` (artifactChanges and replacements), for GitHub
/// code scanning and other SARIF viewers.
enum SARIFReporter {
    static func document(_ reports: [FileReport]) -> JSONValue {
        let rules: [JSONValue] = PassCatalog.all.map { pass in
            .object([
                ("id", .string(pass.id)),
                ("name", .string(pass.id)),
                ("shortDescription", .object([("text", .string(pass.summary))])),
                ("fullDescription", .object([("text", .string(pass.rationale))])),
                (
                    "help",
                    .object([("text", .string(pass.rationale)), ("markdown", .string(pass.rationale))])
                ),
                ("properties", .object([("fixSafety", .string(pass.fixSafety.rawValue))])),
            ])
        }
        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        for report in reports {
            let uri = report.path
            if let problem = report.problem {
                notifications.append(
                    .object([
                        ("level", .string("error")),
                        ("message", .object([("text", .string(problem.error.message))])),
                        (
                            "locations",
                            .array([
                                physical(
                                    uri, problem.error.line, problem.error.column, problem.error.line,
                                    problem.error.column)
                            ])
                        ),
                    ]))
                continue
            }
            guard let result = report.result else { continue }
            let source = result.original.source
            for finding in result.findings {
                let (start, end) = finding.located(in: source)
                var members: [(String, JSONValue)] = [
                    ("ruleId", .string(finding.passID)),
                    ("level", .string(level(finding.severity))),
                    ("message", .object([("text", .string(message(finding)))])),
                    ("locations", .array([physical(uri, start.line, start.column, end.line, end.column)])),
                ]
                if let fix = finding.fix, fix.safety != .suggestion || !fix.edits.isEmpty {
                    let replacements: [JSONValue] = fix.edits.map { edit in
                        let a = source.location(of: edit.range.lowerBound)
                        let b = source.location(of: edit.range.upperBound)
                        return .object([
                            (
                                "deletedRegion",
                                .object([
                                    ("startLine", .int(a.line)), ("startColumn", .int(a.column)),
                                    ("endLine", .int(b.line)), ("endColumn", .int(b.column)),
                                    ("charOffset", .int(codePoints(source, 0..<edit.range.lowerBound))),
                                    ("charLength", .int(codePoints(source, edit.range))),
                                ])
                            ),
                            (
                                "insertedContent",
                                .object([("text", .string(String(decoding: edit.replacement, as: UTF8.self)))]
                                )
                            ),
                        ])
                    }
                    members.append(
                        (
                            "fixes",
                            .array([
                                .object([
                                    (
                                        "description",
                                        .object([("text", .string("\(fix.title) (\(fix.safety.rawValue))"))])
                                    ),
                                    (
                                        "artifactChanges",
                                        .array([
                                            .object([
                                                ("artifactLocation", .object([("uri", .string(uri))])),
                                                ("replacements", .array(replacements)),
                                            ])
                                        ])
                                    ),
                                ])
                            ])
                        ))
                }
                members.append(
                    ("properties", .object([("fixSafety", .string(finding.fix?.safety.rawValue ?? "none"))])))
                results.append(.object(members))
            }
        }
        var run: [(String, JSONValue)] = [
            (
                "tool",
                .object([
                    (
                        "driver",
                        .object([
                            ("name", .string("whittle")),
                            ("version", .string(Help.version)),
                            ("informationUri", .string("https://github.com/whittle-dev/whittle")),
                            ("rules", .array(rules)),
                        ])
                    )
                ])
            ),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ]
        if !notifications.isEmpty {
            run.append(
                (
                    "invocations",
                    .array([
                        .object([
                            ("executionSuccessful", .bool(false)),
                            ("toolExecutionNotifications", .array(notifications)),
                        ])
                    ])
                ))
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    /// The number of Unicode code points in a byte range (the run's columnKind).
    static func codePoints(_ source: SourceText, _ range: Range<Int>) -> Int {
        source.bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    static func level(_ s: Finding.Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func message(_ f: Finding) -> String {
        var text = f.message
        if let e = f.effect, !e.summary.isEmpty { text += " (saves: \(e.summary))" }
        return text
    }

    static func physical(_ uri: String, _ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSONValue {
        .object([
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", .object([("uri", .string(uri))])),
                    (
                        "region",
                        .object([
                            ("startLine", .int(l1)), ("startColumn", .int(c1)), ("endLine", .int(l2)),
                            ("endColumn", .int(c2)),
                        ])
                    ),
                ])
            )
        ])
    }
}
