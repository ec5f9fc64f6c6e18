/// The instructions BuildKit knows. Keywords are case-insensitive; unknown ones are kept as
/// `.unknown` (BuildKit keeps them too, and rejects them only when it builds).
public enum InstructionKind: String, Sendable, CaseIterable {
    case from, run, cmd, entrypoint, shell, label, maintainer, expose, env, arg, add, copy, volume
    case user, workdir, onbuild, stopsignal, healthcheck
    case unknown

    public init(keyword: String) {
        self = InstructionKind(rawValue: keyword.lowercased()) ?? .unknown
    }

    /// Instructions whose arguments may introduce heredocs (`<<EOF`).
    public var canContainHeredoc: Bool { self == .run || self == .copy || self == .add }
}
