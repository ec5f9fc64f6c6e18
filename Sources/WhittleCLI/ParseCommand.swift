import WhittleSyntax

/// `whittle parse --json|--print|--shell PATH...`: how whittle reads a file.
struct ParseCommand {
    enum Mode { case json, print, shell, benchmark }

    static let usage = "whittle parse --json|--print|--shell|--benchmark PATH..."

    let mode: Mode
    let paths: [String]
    /// `--shell --json`: one JSON object per RUN instead of text.
    let jsonShell: Bool

    init(arguments: [String]) throws {
        var mode: Mode? = nil
        var paths: [String] = []
        var sawJSON = false
        var sawShell = false
        for argument in arguments {
            switch argument {
            case "--json":
                sawJSON = true
                if mode == nil { mode = .json }
            case "--print": mode = .print
            case "--shell":
                sawShell = true
                mode = .shell
            case "--benchmark": mode = .benchmark
            case "-h", "--help":
                throw UsageError("parse needs one of --json, --print, --shell", usage: Self.usage)
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError("unknown option '\(argument)' for parse", usage: Self.usage)
                }
                paths.append(argument)
            }
        }
        guard let mode else {
            throw UsageError("parse needs one of --json, --print, --shell", usage: Self.usage)
        }
        guard !paths.isEmpty else { throw UsageError("no Dockerfile given", usage: Self.usage) }
        if mode == .print && paths.count != 1 {
            throw UsageError("parse --print takes exactly one file", usage: Self.usage)
        }
        self.mode = mode
        self.paths = paths
        self.jsonShell = sawShell && sawJSON
    }

    func run(io: ProcessIO) -> Int32 {
        if mode == .benchmark { return ParserBenchmark.run(paths: paths, io: io) }
        var exit = ExitCode.success
        for path in paths {
            let input: InputFile
            switch InputFile.read(path: path, io: io) {
            case .success(let file): input = file
            case .failure(let problem):
                if mode == .json {
                    io.out(BuildKitDump.failure(path: path, message: problem.error.message).encoded() + "\n")
                }
                io.err(problem.line + "\n")
                exit = ExitCode.inputError
                continue
            }
            switch mode {
            case .json:
                switch input.parseStrict() {
                case .success(let file):
                    io.out(BuildKitDump.object(path: path, file: file).encoded() + "\n")
                case .failure(let problem):
                    io.out(BuildKitDump.failure(path: path, message: problem.error.message).encoded() + "\n")
                    if problem.error.kind == .unreadable {
                        io.err(problem.line + "\n")
                        exit = ExitCode.inputError
                    }
                }
            case .print:
                switch input.parseLossless() {
                case .success(let file):
                    io.out(bytes: input.encoding.encode(file.printed()))
                    if let rejection = input.encoding.rejection {
                        io.err("\(path):1:1: warning: \(rejection.message)\n")
                    }
                case .failure(let problem):
                    io.err(problem.line + "\n")
                    exit = ExitCode.inputError
                }
            case .benchmark:
                break
            case .shell:
                switch input.parseStrict() {
                case .success(let file):
                    io.out(ShellView.render(file: file, path: path, json: jsonShell))
                case .failure(let problem):
                    io.err(problem.line + "\n")
                    exit = ExitCode.inputError
                }
            }
        }
        return exit
    }
}
