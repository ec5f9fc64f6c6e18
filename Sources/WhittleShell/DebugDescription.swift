/// A stable, line-based description of a script for tests and golden files.
///
/// Format (every line starts with two spaces; lines end with `\n`):
///
/// - an opaque script is the single line `  opaque: <reason.description>`;
/// - otherwise one line per simple command, in `ShellScript.commands` order:
///   `  cmd[<index>] <flags>: <text>[  <annotations>]` where
///   - `<flags>` is `uncond` or `cond`, followed by `top` (top level), `subst` (inside a
///     substitution), `fn` (inside a function body) and `bg` (in a background list), when true,
///     separated by single spaces;
///   - `<text>` is the command's logical text with `\` `\n` `\t` written as `\\`, `\n`, `\t`;
///   - `<annotations>` are, in this order and separated by two spaces:
///     `[<manager.shortName> <action>: <packages>]` (packages by raw text, separated by spaces,
///     `: ` and the list omitted when empty),
///     `[<curl|wget> -> <stdout|file PATH|remote-name|dir PATH>]`,
///     `[<tar|unzip> <archive|stdin> -> <dir|.>]`, `[mktemp[ -d][ -> NAME]]`,
///     `[cleanup <family>]`, `[leak <kind>]`;
/// - then `  trailing comment: <text>` when the script ends in a comment.
public func debugDescription(of script: ShellScript) -> String {
    if let reason = script.opaque { return "  opaque: \(reason.description)\n" }
    var out = ""
    let leaks = Dictionary(
        script.leakingState.compactMap { leak in leak.commandIndex.map { ($0, leak.kind) } },
        uniquingKeysWith: { first, _ in first })
    for command in script.commands {
        let context = command.context
        var flags = [context.isUnconditional ? "uncond" : "cond"]
        if context.isTopLevel { flags.append("top") }
        if context.inSubstitution { flags.append("subst") }
        if context.inFunction { flags.append("fn") }
        if context.isBackground { flags.append("bg") }
        var line =
            "  cmd[\(command.index)] \(flags.joined(separator: " ")): \(escaped(script.text(command.range)))"
        for annotation in annotations(of: command, leak: leaks[command.index]) { line += "  [\(annotation)]" }
        out += line + "\n"
    }
    if let comment = script.trailingComment {
        out += "  trailing comment: \(escaped(script.text(comment)))\n"
    }
    return out
}

private func annotations(of command: SimpleCommand, leak: StateLeak.Kind?) -> [String] {
    var result: [String] = []
    if let pm = command.packageManagerCommand {
        let packages = pm.packages.map(\.raw).joined(separator: " ")
        result.append("\(pm.manager.shortName) \(pm.action)" + (packages.isEmpty ? "" : ": \(packages)"))
    }
    if let download = command.download {
        let output: String
        switch download.output {
        case .stdout: output = "stdout"
        case .file(let file): output = "file \(file)"
        case .remoteName: output = "remote-name"
        case .directory(let directory): output = "dir \(directory)"
        }
        result.append("\(download.tool.rawValue) -> \(output)")
    }
    if let extraction = command.archiveExtraction {
        let archive = extraction.archive.map(\.description) ?? "stdin"
        let directory = extraction.directory.map(\.description) ?? "."
        result.append("\(extraction.tool.rawValue) \(archive) -> \(directory)")
    }
    if let temporary = command.temporaryFile {
        result.append(
            "mktemp" + (temporary.isDirectory ? " -d" : "")
                + (temporary.assignedVariable.map { " -> \($0)" } ?? ""))
    }
    for cleanup in command.cacheCleanups { result.append("cleanup \(cleanup.family.rawValue)") }
    if let leak { result.append("leak \(leak.rawValue)") }
    return result
}

private func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
