import WhittleSyntax

/// Something a pass found: where, what, why it matters, and optionally how to fix it.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, info
    }

    /// The id of the pass that found it, e.g. `merge-runs`.
    public let passID: String
    public let severity: Severity
    /// One sentence, no trailing period.
    public let message: String
    /// The source byte range it is about.
    public let range: Range<Int>
    /// Further explanation: why the fix is unsafe, what was left alone and why.
    public let notes: [String]
    public let effect: Effect?
    public let fix: Fix?
    /// The rule codes of other tools this finding corresponds to (hadolint `DL3009`, BuildKit
    /// `JSONArgsRecommended`), for their suppression comments. Empty: the pass's own lists apply.
    public let ruleCodes: [String]

    public init(
        passID: String, severity: Severity = .warning, message: String, range: Range<Int>,
        notes: [String] = [], effect: Effect? = nil, fix: Fix? = nil, ruleCodes: [String] = []
    ) {
        self.ruleCodes = ruleCodes
        self.passID = passID
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.effect = effect
        self.fix = fix
    }

    /// The same finding with one more note, and `effect` when given.
    public func addingNote(_ note: String, effect newEffect: Effect? = nil) -> Finding {
        Finding(
            passID: passID, severity: severity, message: message, range: range, notes: notes + [note],
            effect: newEffect ?? effect, fix: fix, ruleCodes: ruleCodes)
    }

    /// The finding with its location resolved for a report.
    public func located(in source: SourceText) -> (start: SourceLocation, end: SourceLocation) {
        (source.location(of: range.lowerBound), source.location(of: max(range.lowerBound, range.upperBound)))
    }
}
