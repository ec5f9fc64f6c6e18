/// A parsed Dockerfile: a lossless sequence of nodes over the source bytes, and BuildKit's reading
/// of them.
///
/// Invariant: the nodes cover `source.bytes` in order with no gap and no overlap, so
/// `printed() == source.bytes` for every file the parser accepts. Changes are made as text edits
/// on the source (see the optimizer), never by mutating the tree, so untouched bytes stay
/// byte-identical.
public struct Dockerfile: Sendable {
    public let source: SourceText
    public let nodes: [SyntaxNode]
    /// The escape character in force: `\` or `` ` `` (from `# escape=`).
    public let escape: UInt8
    /// The error BuildKit would report for this file, if any. The tree is still complete (it is
    /// lossless whatever BuildKit thinks of the content); commands that optimise refuse the file.
    public let error: SyntaxError?

    /// The instructions, in order.
    public let instructions: [Instruction]
    /// The build stages, in order.
    public let stages: [Stage]
    /// The defaults of the ARGs before the first FROM (a later declaration wins): the only
    /// variables FROM can use.
    public let globalArgumentDefaults: [String: String]
    /// For each stage, the index of the earlier stage its FROM names (see `parentStage(of:)`),
    /// computed once: passes ask for it for nearly every instruction.
    let parentStageIndexes: [Int?]

    init(source: SourceText, nodes: [SyntaxNode], escape: UInt8, error: SyntaxError?) {
        self.source = source
        self.nodes = nodes
        self.escape = escape
        self.error = error
        let instructions = nodes.compactMap(\.instruction)
        self.instructions = instructions
        self.stages = Stage.split(instructions)
        self.globalArgumentDefaults = Dockerfile.globalArgumentDefaults(instructions, escape: escape)
        let defaults = globalArgumentDefaults
        let stages = self.stages
        self.parentStageIndexes = stages.map { stage in
            let base = VariableExpander(escape: escape).expand(stage.baseImage) { defaults[$0] }.value
                .lowercased()
            return stages[..<stage.index].last { $0.alias?.lowercased() == base }?.index
        }
    }

    /// Parses UTF-8 text. Throws only when the bytes are not readable text (binary data, invalid
    /// UTF-8); every error BuildKit would report (an unterminated heredoc, a bad directive, an ENV
    /// without value, ...) is in `error`, with the tree still complete and lossless.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Dockerfile {
        if let problem = SourceEncoding.validateUTF8Text(bytes) { throw problem }
        var parser = DockerfileParser(bytes)
        return parser.parse()
    }

    public static func parse(_ text: String) throws(SyntaxError) -> Dockerfile {
        try parse(Array(text.utf8))
    }

    /// The file regenerated from the tree: the concatenation of every node's bytes.
    public func printed() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count)
        for node in nodes { out.append(contentsOf: source.bytes[node.range]) }
        return out
    }

    public var directives: [Directive] {
        nodes.compactMap { if case .directive(let d) = $0 { return d } else { return nil } }
    }

    public func directive(_ name: String) -> Directive? { directives.first { $0.name == name } }

    public var hasByteOrderMark: Bool {
        if case .byteOrderMark = nodes.first { return true }
        return false
    }

    /// The file's line terminator: CRLF when its first line ends so, else LF.
    public var usesCRLF: Bool {
        guard let nl = source.bytes.firstIndex(of: 0x0A) else { return false }
        return nl > 0 && source.bytes[nl - 1] == 0x0D
    }
}
