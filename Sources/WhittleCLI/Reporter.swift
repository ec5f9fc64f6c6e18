import WhittleEngine

/// Writes `check` results in the chosen format.
enum Reporter {
    static func emit(
        _ reports: [FileReport], format: CommandOptions.OutputFormat, options: CommandOptions, io: ProcessIO
    ) {
        switch format {
        case .text:
            TextReporter(terminal: Terminal(io: io, override: options.color), options: options).emit(
                reports, io: io)
        case .json:
            io.out(JSONReporter.document(reports).pretty() + "\n")
        case .sarif: io.out(SARIFReporter.document(reports).pretty() + "\n")
        case .github: GitHubReporter.emit(reports, io: io)
        case .rdjson: io.out(RDJSONReporter.document(reports).pretty() + "\n")
        }
        for report in reports {
            if let problem = report.problem, format != .text { io.err(problem.line + "\n") }
            for message in report.result?.internalErrors ?? [] where format != .text {
                io.err("\(report.path): \(message)\n")
            }
        }
    }

    /// Whether the finding's fix is applied under the run's settings.
    static func isApplied(_ finding: Finding, in report: FileReport) -> Bool {
        report.result?.applied.contains(finding) == true
    }
}
