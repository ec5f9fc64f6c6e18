import Foundation

/// The command line: picks the command and runs it. The `whittle` executable only calls `run`.
public enum WhittleMain {
    /// Runs whittle with the process's streams and returns the exit code.
    public static func run(arguments: [String]) -> Int32 {
        let io = ProcessIO.standard()
        let code = run(arguments: arguments, io: io)
        io.flush()
        return code
    }

    /// Runs whittle against `io` (in-process; used by the tests).
    public static func run(arguments: [String], io: ProcessIO) -> Int32 {
        var args = arguments
        if args.first == "--help" || args.first == "-h" || args.first == "help" {
            io.out(Help.text)
            return ExitCode.success
        }
        if args.first == "--version" {
            io.out("whittle \(Help.version)\n")
            return ExitCode.success
        }
        let command = args.first ?? ""
        do {
            switch command {
            case "parse":
                args.removeFirst()
                return try ParseCommand(arguments: args).run(io: io)
            case "diff", "fix", "check":
                args.removeFirst()
                return try OptimizeCommand(mode: OptimizeCommand.Mode(rawValue: command)!, arguments: args)
                    .run(io: io)
            case "rules":
                return RulesCommand.list(io: io)
            case "ci":
                args.removeFirst()
                return try CICommand(arguments: args).run(io: io)
            case "verify":
                args.removeFirst()
                return try VerifyCommand(arguments: args).run(io: io)
            case "explain":
                args.removeFirst()
                return try RulesCommand.explain(arguments: args, io: io)
            case "":
                throw UsageError("no Dockerfile given")
            default:
                // `whittle PATH...` is `whittle diff PATH...`; a bare word that is neither a file
                // nor a Dockerfile name is a mistyped command.
                if !command.hasPrefix("-") && !command.contains("/")
                    && !FileDiscovery.isDockerfileName(command)
                    && !FileManager.default.fileExists(atPath: command)
                {
                    throw UsageError(
                        "unknown command '\(command)'",
                        hint:
                            "Run 'whittle --help' for the commands (diff, fix, check, parse, rules, explain)."
                    )
                }
                return try OptimizeCommand(mode: .diff, arguments: args).run(io: io)
            }
        } catch let help as HelpRequest {
            io.out(help.text)
            return ExitCode.success
        } catch let error as UsageError {
            return error.report(to: io)
        } catch {
            io.err("Error: \(error)\n")
            return ExitCode.inputError
        }
    }
}
