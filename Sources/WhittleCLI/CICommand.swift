import Foundation
import WhittleSyntax

/// `whittle ci [--provider github|gitlab] [--registry REF] [--cache gha|registry|inline|local]
/// [--context DIR] [PATH]`: prints a ready CI build job for the Dockerfile, with BuildKit cache
/// export and import.
struct CICommand {
    static let usage =
        "whittle ci [--provider github|gitlab] [--registry REF] [--cache gha|registry|inline|local] [--context DIR] [PATH]"

    var provider = CIJob.Provider.github
    var cache: CIJob.Cache? = nil
    var registry: String? = nil
    var context: String? = nil
    var path = "Dockerfile"

    init(arguments: [String]) throws {
        var cursor = ArgumentCursor(arguments, usage: Self.usage)
        var paths: [String] = []
        while let item = cursor.next() {
            guard case .option(let argument) = item else {
                if case .path(let p) = item { paths.append(p) }
                continue
            }
            func next() throws -> String { try cursor.value(of: argument) }
            switch argument {
            case "--provider":
                let v = try next()
                guard let p = CIJob.Provider(rawValue: v) else {
                    throw UsageError("unknown provider '\(v)' (choose github or gitlab)", usage: Self.usage)
                }
                provider = p
            case "--cache":
                let v = try next()
                guard let c = CIJob.Cache(rawValue: v) else {
                    throw UsageError(
                        "unknown cache '\(v)' (choose gha, registry, inline or local)", usage: Self.usage)
                }
                cache = c
            case "--registry": registry = try next()
            case "--context": context = try next()
            case "-h", "--help":
                throw HelpRequest(
                    text: """
                        Usage: \(Self.usage)

                        Prints a CI job that builds the Dockerfile with buildx and keeps BuildKit's layer
                        cache between runs. Defaults: --provider github with --cache gha; gitlab uses the
                        registry cache in $CI_REGISTRY_IMAGE. --registry names the image (and cache) to
                        push, e.g. ghcr.io/org/app. The job builds the last stage, by name when it has one.

                        """)
            default:
                throw UsageError("unknown option '\(argument)' for ci", usage: Self.usage)
            }
        }
        guard paths.count <= 1 else { throw UsageError("ci takes one Dockerfile", usage: Self.usage) }
        if let p = paths.first { path = p }
        if provider == .gitlab && cache == .gha {
            throw UsageError(
                "the gha cache exists only on GitHub Actions (use registry, inline or local)",
                usage: Self.usage)
        }
    }

    func run(io: ProcessIO) -> Int32 {
        let input: InputFile
        switch InputFile.read(path: path, io: io) {
        case .success(let f): input = f
        case .failure(let problem):
            io.err(problem.line + "\n")
            return ExitCode.inputError
        }
        switch input.parseStrict() {
        case .failure(let problem):
            io.err(problem.line + "\n")
            return ExitCode.inputError
        case .success(let file):
            let folder = (path as NSString).deletingLastPathComponent
            let job = CIJob(
                provider: provider, cache: cache ?? (provider == .github ? .gha : .registry),
                registry: registry,
                dockerfilePath: OptimizeCommand.displayPath(path),
                context: context ?? (folder.isEmpty ? "." : folder),
                file: file)
            io.out(job.render())
            return ExitCode.success
        }
    }
}
