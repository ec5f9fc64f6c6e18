import WhittleEngine

/// Renders a pass's own description (id, summary, rationale, fix safety, examples) as Markdown,
/// for `whittle explain` and the generated pages in Docs/passes/.
public enum PassDocumentation {
    public static func markdown(_ pass: any Pass.Type) -> String {
        var out = "# \(pass.id)\n\n\(pass.summary)\n\n## Why\n\n\(pass.rationale.trimmingNewlines)\n\n"
        out += "## Fix safety\n\n**\(pass.fixSafety.rawValue)**: \(safetyText(pass.fixSafety))\n\n"
        if !pass.hadolintCodes.isEmpty || !pass.buildKitChecks.isEmpty {
            out +=
                "## Suppression\n\n`# whittle ignore=\(pass.id)` above an instruction, or `# whittle ignore-file=\(pass.id)`."
            if !pass.hadolintCodes.isEmpty {
                out += " `# hadolint ignore=\(pass.hadolintCodes.joined(separator: ","))` is honoured too."
            }
            if !pass.buildKitChecks.isEmpty {
                out += " So is `# check=skip=\(pass.buildKitChecks.joined(separator: ","))`."
            }
            out += "\n\n"
        }
        out += "## Examples\n\n"
        for example in pass.examples {
            out += "### \(example.title)\n\n"
            if !example.options.isEmpty {
                out += "With `[passes.\(pass.id)]` "
                out +=
                    example.options.sorted { $0.key < $1.key }.map { "`\($0.key) = \($0.value)`" }.joined(
                        separator: ", ") + ".\n\n"
            }
            out += "```dockerfile\n\(example.input.trimmingNewlines)\n```\n\n"
            if let output = example.output {
                out += example.unsafeFixes ? "becomes, with `--unsafe-fixes`:\n\n" : "becomes:\n\n"
                out += "```dockerfile\n\(output.trimmingNewlines)\n```\n\n"
            } else {
                out += "is left as it is.\n\n"
            }
        }
        return out
    }

    static func safetyText(_ safety: FixSafety) -> String {
        switch safety {
        case .safe: "the image keeps the same contents and comments are kept; applied by `whittle fix`."
        case .unsafe:
            "the fix can change what the image contains or how it runs; applied only with `--unsafe-fixes`."
        case .suggestion: "reported with a proposal, never applied."
        }
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while s.first == "\n" { s = s.dropFirst() }
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
