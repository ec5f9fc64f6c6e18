import WhittleEngine
import WhittleShell
import WhittleSyntax

/// The shell script of a RUN instruction, read by the shell layer with spans that map back to
/// the Dockerfile.
public struct RunScript: Sendable {
    public enum Form: String, Sendable {
        /// `RUN cmd ...`: the logical arguments are one `/bin/sh -c` script.
        case shell
        /// `RUN ["cmd", "arg"]`: no shell.
        case exec
        /// `RUN <<EOF` ... : the script is a heredoc body.
        case heredoc
        /// The stage's SHELL, or its Windows base (cmd.exe), is not a POSIX shell.
        case nonPOSIX = "non-posix"
    }

    public let instruction: Instruction
    public let form: Form
    /// The analysed script: for `.shell` the arguments; for `.heredoc` the body of the single
    /// heredoc when the RUN is exactly `RUN <<WORD`; otherwise nil.
    public let script: ShellScript?

    /// Reads the RUN `instruction` of `file`.
    public init(_ instruction: Instruction, in file: Dockerfile) {
        self.instruction = instruction
        if instruction.isJSON {
            form = .exec
            script = nil
            return
        }
        let args = instruction.argumentsRange
        if !Self.isPOSIX(at: instruction.range.lowerBound, in: file) {
            form = .nonPOSIX
            script = ShellScript.opaque(Self.source(instruction.text, args), reason: .nonPOSIXShell)
            return
        }
        if !instruction.heredocs.isEmpty {
            form = .heredoc
            if instruction.heredocs.count == 1, let doc = instruction.heredocs.first,
                instruction.text.string(args) == instruction.text.string(doc.wordRange), !doc.chomp
            {
                let body = Array(file.source.bytes[doc.bodyRange])
                script = parseShell(ShellSource(text: body, sourceOffset: doc.bodyRange.lowerBound))
            } else {
                script = nil
            }
            return
        }
        form = .shell
        script = parseShell(Self.source(instruction.text, args))
    }

    /// The analysis of a RUN, shared by every pass of the current optimizer round (see
    /// `AnalysisCache`): the shell is read once per RUN, not once per pass.
    public static func cached(_ instruction: Instruction, in file: Dockerfile) -> RunScript {
        guard let cache = AnalysisCache.current else { return RunScript(instruction, in: file) }
        return cache.value("run@\(instruction.range.lowerBound)") { RunScript(instruction, in: file) }
    }

    /// The shell source of a logical range of an instruction's text.
    static func source(_ text: MappedText, _ range: Range<Int>) -> ShellSource {
        let slice = text.slice(range)
        return ShellSource(
            text: slice.bytes,
            segments: slice.segments.map {
                ShellSource.Segment(
                    logicalStart: $0.logicalStart, sourceStart: $0.sourceStart, length: $0.length)
            })
    }

    /// Whether a RUN at `offset` runs its shell form with a POSIX shell (see `RunShell`): not
    /// under cmd.exe (Windows images, the backtick escape directive), PowerShell, or another
    /// SHELL program.
    public static func isPOSIX(at offset: Int, in file: Dockerfile) -> Bool {
        RunShell.at(offset, in: file) == .posix
    }
}
