/// whittle's exit codes, documented in Docs/CLI.md.
public enum ExitCode {
    /// Nothing to do, or success.
    public static let success: Int32 = 0
    /// `check`: changes are pending or findings reached `--fail-on`.
    public static let changesPending: Int32 = 1
    /// A file could not be read or parsed (or a builder was not found for `verify`).
    public static let inputError: Int32 = 2
    /// The command line was wrong (EX_USAGE).
    public static let usage: Int32 = 64
}
