import Foundation
import WhittleEngine

/// `check --format github`: GitHub Actions workflow commands, shown as annotations on the PR.
enum GitHubReporter {
    static func emit(_ reports: [FileReport], io: ProcessIO) {
        for report in reports {
            if let problem = report.problem {
                io.out(
                    "::error file=\(escapeProperty(report.path)),line=\(problem.error.line),col=\(problem.error.column)::\(escapeData(problem.error.message))\n"
                )
                continue
            }
            guard let result = report.result else { continue }
            for finding in result.findings {
                let (start, end) = finding.located(in: result.original.source)
                let command =
                    finding.severity == .error ? "error" : finding.severity == .info ? "notice" : "warning"
                var message = finding.message
                if let fix = finding.fix { message += " (\(fix.safety.rawValue) fix: \(fix.title))" }
                io.out(
                    "::\(command) file=\(escapeProperty(report.path)),line=\(start.line),col=\(start.column),endLine=\(end.line),endColumn=\(end.column),title=\(escapeProperty("whittle " + finding.passID))::\(escapeData(message))\n"
                )
            }
        }
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
