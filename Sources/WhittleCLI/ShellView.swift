import WhittlePasses
import WhittleShell
import WhittleSyntax

/// `whittle parse --shell`: for each RUN, the commands the shell layer found (documented in
/// Docs/ShellAnalysis.md). With `--json`, one object per RUN for scripts and statistics.
enum ShellView {
    static func render(file: Dockerfile, path: String, json: Bool) -> String {
        var out = ""
        for instruction in allRuns(file) {
            let run = RunScript(instruction, in: file)
            if json {
                var members: [(String, JSONValue)] = [
                    ("file", .string(path)), ("line", .int(instruction.startLine)),
                    ("form", .string(run.form.rawValue)),
                ]
                if let script = run.script {
                    members.append(("body", .string(String(decoding: script.source.text, as: UTF8.self))))
                    members.append(("opaque", script.opaque.map { .string($0.category) } ?? .null))
                    members.append(
                        ("commands", .array(script.commands.map { .string(script.text($0.range)) })))
                }
                out += JSONValue.object(members).encoded() + "\n"
                continue
            }
            out += "\(path):\(instruction.startLine): RUN (\(run.form.rawValue))\n"
            if let script = run.script {
                out += debugDescription(of: script)
            } else if run.form == .exec {
                out += "  exec: \(instruction.value)\n"
            } else {
                out += "  not analysed: heredoc RUN with several heredocs, arguments or <<-\n"
            }
        }
        return out
    }

    /// The RUN instructions of the file.
    static func allRuns(_ file: Dockerfile) -> [Instruction] {
        file.instructions.compactMap { i in
            if i.kind == .run { return i }
            return nil
        }
    }
}
