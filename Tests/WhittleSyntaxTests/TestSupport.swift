import Testing
import WhittleSyntax

/// Shared helpers of the syntax tests.
enum Fixture {
    /// Parses text that must be readable (UTF-8, no NUL).
    static func parse(_ text: String) throws -> Dockerfile {
        try Dockerfile.parse(Array(text.utf8))
    }

    /// The one instruction of `FROM a` + `line`, i.e. the second instruction of the file.
    static func instruction(_ line: String) throws -> Instruction {
        let file = try parse("FROM a\n" + line)
        return try #require(file.instructions.dropFirst().first)
    }

    /// The source text of a byte range of `file`.
    static func text(_ file: Dockerfile, _ range: Range<Int>) -> String {
        file.source.string(range)
    }
}

/// The losslessness invariant: nodes are in order, cover every byte without gap or overlap, and
/// printing gives back the input. Returns a description of the first violation.
func losslessnessProblem(_ file: Dockerfile, _ input: [UInt8]) -> String? {
    var offset = 0
    for (n, node) in file.nodes.enumerated() {
        let range = node.range
        if range.lowerBound != offset {
            return "node \(n) starts at \(range.lowerBound), expected \(offset)"
        }
        if range.isEmpty && !input.isEmpty { return "node \(n) is empty at \(offset)" }
        offset = range.upperBound
    }
    if offset != input.count { return "nodes end at \(offset) of \(input.count) bytes" }
    if file.source.bytes != input { return "source bytes differ from the input" }
    if file.printed() != input { return "printed bytes differ from the input" }
    return nil
}

/// Parts of an instruction must lie inside it and must not overlap each other.
func ownershipProblem(_ instruction: Instruction) -> String? {
    var parts: [(String, Range<Int>)] = []
    parts += instruction.continuationComments.map { ("comment", $0) }
    parts += instruction.emptyContinuationLines.map { ("empty line", $0) }
    for h in instruction.heredocs {
        parts.append(("heredoc body", h.bodyRange))
        parts.append(("heredoc terminator", h.terminatorRange))
    }
    for (name, r) in parts where !r.isEmpty && !instruction.range.contains(r.lowerBound) {
        return "\(name) \(r) is outside the instruction \(instruction.range)"
    }
    for (name, r) in parts where r.upperBound > instruction.range.upperBound {
        return "\(name) \(r) ends after the instruction \(instruction.range)"
    }
    let sorted = parts.filter { !$0.1.isEmpty }.sorted { $0.1.lowerBound < $1.1.lowerBound }
    for (a, b) in zip(sorted, sorted.dropFirst()) where a.1.upperBound > b.1.lowerBound {
        return "\(a.0) \(a.1) overlaps \(b.0) \(b.1)"
    }
    return nil
}
