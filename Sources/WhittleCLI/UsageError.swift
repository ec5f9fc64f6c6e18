/// A mistake on the command line: printed as `Error: ...`, a usage line and a hint; exit 64.
struct UsageError: Error {
    let message: String
    let usage: String
    let hint: String

    init(_ message: String, usage: String = Help.usageLine, hint: String = "Run 'whittle --help' for more.") {
        self.message = message
        self.usage = usage
        self.hint = hint
    }

    func report(to io: ProcessIO) -> Int32 {
        io.err("Error: \(message)\nUsage: \(usage)\n\(hint)\n")
        return ExitCode.usage
    }
}
