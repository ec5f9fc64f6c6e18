/// How far a fix can be trusted. See Docs/FixSafety.md.
public enum FixSafety: String, Sendable, Comparable, CaseIterable {
    /// The build produces the same image contents and the user's comments are kept. Applied by
    /// `whittle fix` and shown by `whittle diff`.
    case safe
    /// Could change what the image contains or how it runs. Applied only with `--unsafe-fixes`.
    case unsafe
    /// Reported with a proposed change, never applied.
    case suggestion

    private var rank: Int {
        switch self {
        case .safe: 0
        case .unsafe: 1
        case .suggestion: 2
        }
    }

    public static func < (lhs: FixSafety, rhs: FixSafety) -> Bool { lhs.rank < rhs.rank }

    /// Whether a fix of this safety is applied under the given setting.
    public func isApplied(unsafeFixes: Bool) -> Bool {
        switch self {
        case .safe: true
        case .unsafe: unsafeFixes
        case .suggestion: false
        }
    }
}
