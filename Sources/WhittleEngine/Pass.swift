import WhittleSyntax

/// A transformation pass: one capability of whittle, with its id, its explanation, the safety of
/// its fixes and examples that run as tests and appear in the docs.
///
/// A pass reads the parsed file and returns findings; it never edits. The pipeline applies the
/// fixes it is allowed to, parses the result again and runs the passes once more, until nothing
/// changes. A pass therefore only has to handle one step at a time, and must find nothing to do on
/// its own output (idempotence is tested over the corpus).
public protocol Pass: Sendable {
    /// Stable kebab-case id, e.g. `merge-runs`.
    static var id: String { get }
    /// One line: what the pass does.
    static var summary: String { get }
    /// Why it matters, in a paragraph or two of Markdown.
    static var rationale: String { get }
    /// The safety of the pass's usual fix; single findings may be less safe (see their notes).
    static var fixSafety: FixSafety { get }
    /// Input/output pairs, and inputs the pass must leave alone.
    static var examples: [PassExample] { get }
    /// hadolint rule codes whose `# hadolint ignore=` also silences this pass.
    static var hadolintCodes: [String] { get }
    /// BuildKit check names whose `# check=skip=` also silences this pass.
    static var buildKitChecks: [String] { get }

    init()

    func run(_ context: PassContext) -> [Finding]
}

extension Pass {
    public static var hadolintCodes: [String] { [] }
    public static var buildKitChecks: [String] { [] }
}

/// One documented example of a pass.
public struct PassExample: Sendable {
    public let title: String
    public let input: String
    /// The expected result with the fixes allowed by `unsafeFixes`; nil when the pass must leave
    /// the input alone (no applied fix; findings may still be reported).
    public let output: String?
    /// Whether the output needs `--unsafe-fixes`.
    public let unsafeFixes: Bool
    /// Options for the pass, as in `whittle.toml`'s `[passes.<id>]` table.
    public let options: [String: String]

    public init(
        _ title: String, input: String, output: String?, unsafeFixes: Bool = false,
        options: [String: String] = [:]
    ) {
        self.title = title
        self.input = input
        self.output = output
        self.unsafeFixes = unsafeFixes
        self.options = options
    }
}
