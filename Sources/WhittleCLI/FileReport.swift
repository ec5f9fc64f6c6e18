import WhittleEngine
import WhittleSyntax

/// The outcome for one input file, as the reporters see it.
struct FileReport {
    let path: String
    /// Nil when the file could not be read or parsed.
    let result: OptimizationResult?
    let problem: InputFile.Problem?
    /// Whether the file came from standard input (`-`).
    var isStandardInput = false
    /// Set by `fix` when the file was written.
    var written = false
    /// Set by `fix` when writing failed.
    var writeError: String? = nil

    var source: SourceText? { result?.original.source }
}
