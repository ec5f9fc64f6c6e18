import Foundation
import WhittleDiff
import WhittleEngine
import WhittlePasses
import WhittleSyntax

/// `whittle diff`, `whittle fix` and `whittle check`: optimise files and show, write or list the
/// result.
struct OptimizeCommand {
    enum Mode: String { case diff, fix, check }

    let mode: Mode
    let options: CommandOptions

    init(mode: Mode, arguments: [String]) throws {
        self.mode = mode
        self.options = try CommandOptions(arguments: arguments, command: mode.rawValue)
        if options.toStdout && options.paths.count != 1 {
            throw UsageError("fix --stdout takes exactly one file (or -)", usage: CommandOptions.usage)
        }
    }

    func run(io: ProcessIO) throws -> Int32 {
        let configuration: Configuration
        do {
            configuration = try options.configuration(io: io)
        } catch let error as Configuration.LoadError {
            io.err(error.description + "\n")
            return ExitCode.inputError
        }
        for id in (configuration.select ?? []) + configuration.ignore
        where id != "all" && PassCatalog.pass(id: id) == nil {
            throw UsageError("unknown pass id '\(id)'", hint: "Run 'whittle rules' to list the passes.")
        }
        let optimizer = Optimizer(passes: PassCatalog.all, configuration: configuration)
        let paths = FileDiscovery.expand(options.paths).map(Self.displayPath)
        if options.toStdout && paths.count != 1 {
            throw UsageError(
                "fix --stdout prints one file, but \(options.paths.joined(separator: " ")) holds \(paths.count)",
                usage: CommandOptions.usage)
        }
        if paths.isEmpty {
            if !options.quiet {
                io.err("whittle: no Dockerfile found under \(options.paths.joined(separator: " "))\n")
            }
            // A machine-readable report is still a valid, empty document (SARIF upload needs one).
            if mode == .check && options.format != .text {
                Reporter.emit([], format: options.format, options: options, io: io)
            }
            return ExitCode.success
        }
        let progress = ProgressLine(io: io, total: paths.count, enabled: !options.quiet && mode == .fix)
        var reports: [FileReport] = []
        for (n, path) in paths.enumerated() {
            progress.update(n)
            var report = process(path: path, optimizer: optimizer, io: io)
            report.isStandardInput = path == "-"
            if mode == .fix, let result = report.result, result.changed, !writesToStdout(report) {
                do {
                    try AtomicWriter.replace(
                        path: path, with: result.output, expected: result.original.source.bytes)
                    report.written = true
                } catch {
                    report.writeError = error.message
                }
            }
            reports.append(report)
            if mode != .check { emitStreaming(report, io: io) }
        }
        progress.finish()
        if mode == .check { Reporter.emit(reports, format: options.format, options: options, io: io) }
        if mode == .fix && !options.toStdout && options.paths != ["-"] && !options.quiet {
            FixSummary.print(reports, io: io, terminal: Terminal(io: io, override: options.color))
        }
        return exitCode(reports)
    }

    private func process(path: String, optimizer: Optimizer, io: ProcessIO) -> FileReport {
        let input: InputFile
        switch InputFile.read(path: path, io: io, stdinName: options.stdinFilename.map(Self.displayPath)) {
        case .success(let f): input = f
        case .failure(let problem): return FileReport(path: path, result: nil, problem: problem)
        }
        let file: Dockerfile
        switch input.parseStrict() {
        case .success(let f): file = f
        case .failure(let problem):
            return FileReport(path: input.path, result: nil, problem: problem)
        }
        let context = buildContext(for: path)
        return FileReport(
            path: input.path, result: optimizer.run(file, path: input.path, buildContext: context),
            problem: nil)
    }

    private func buildContext(for path: String) -> BuildContext? {
        if let context = options.context {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: context, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                return nil
            }
            return BuildContext(directory: context)
        }
        guard path != "-" else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        return BuildContext(directory: folder.isEmpty ? "." : folder)
    }

    /// diff and fix print as they go; errors always go to standard error.
    private func emitStreaming(_ report: FileReport, io: ProcessIO) {
        if let problem = report.problem {
            io.err(problem.line + "\n")
            return
        }
        guard let result = report.result else { return }
        for message in result.internalErrors { io.err("\(report.path): \(message)\n") }
        switch mode {
        case .diff:
            if result.changed {
                var path = report.path
                while path.hasPrefix("/") { path.removeFirst() }
                io.out(
                    bytes: UnifiedDiff.make(
                        old: result.original.source.bytes, new: result.output, oldPath: path, newPath: path,
                        context: options.contextLines))
            }
        case .fix:
            if writesToStdout(report) { io.out(bytes: result.output) }
            if let error = report.writeError { io.err("\(report.path):1:1: error: \(error)\n") }
        case .check:
            break
        }
    }

    /// `fix --stdout`, and `fix -` (standard input cannot be written back), print the result.
    private func writesToStdout(_ report: FileReport) -> Bool { options.toStdout || report.isStandardInput }

    /// A path as reports show it: without a leading `./`.
    static func displayPath(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") && p.count > 2 { p.removeFirst(2) }
        return p
    }

    private func exitCode(_ reports: [FileReport]) -> Int32 {
        if reports.contains(where: { $0.problem != nil || $0.writeError != nil }) {
            return ExitCode.inputError
        }
        guard mode == .check else { return ExitCode.success }
        for report in reports {
            guard let result = report.result else { continue }
            switch options.failOn {
            case .never: continue
            case .fixable: if result.changed || !result.fixable.isEmpty { return ExitCode.changesPending }
            case .info: if !result.findings.isEmpty { return ExitCode.changesPending }
            case .warning:
                if result.findings.contains(where: { $0.severity != .info }) {
                    return ExitCode.changesPending
                }
            case .error:
                if result.findings.contains(where: { $0.severity == .error }) {
                    return ExitCode.changesPending
                }
            }
        }
        return ExitCode.success
    }
}

/// A one-line progress counter on a terminal, for runs over many files.
struct ProgressLine {
    let io: ProcessIO
    let total: Int
    let enabled: Bool

    init(io: ProcessIO, total: Int, enabled: Bool) {
        self.io = io
        self.total = total
        self.enabled = enabled && io.isTerminal && total > 40
    }

    func update(_ done: Int) {
        guard enabled, done % 10 == 0 else { return }
        io.err("\r\u{1B}[Kwhittle: \(done)/\(total) files")
    }

    func finish() {
        guard enabled else { return }
        io.err("\r\u{1B}[K")
    }
}
