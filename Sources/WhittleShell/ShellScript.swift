/// A parsed RUN script: the tree, the flat command list and the comments, all with logical
/// ranges into `source.text`.
///
/// An opaque script (`opaque != nil`) has an empty body and no commands: the parser met syntax it
/// cannot read with certainty, or the caller marked the RUN as non-POSIX. Its source is intact.
public struct ShellScript: Sendable {
    /// The logical text and its map to the Dockerfile.
    public let source: ShellSource
    /// The top-level list.
    public let body: CommandList
    /// Why the script could not be read, or nil.
    public let opaque: OpaqueReason?
    /// Every comment (from `#` to the end of its line, newline excluded), in source order.
    public let comments: [Range<Int>]
    /// Every simple command in source order, including those nested in compound commands,
    /// function bodies and substitutions (see `CommandContext` for where each sits).
    public let commands: [SimpleCommand]
    /// Function definitions with the context of the list that defines them.
    let functionDefinitions: [DefinedFunction]
    /// And-or lists ending in `&`, with the context of the list that holds them.
    let backgroundLists: [BackgroundList]
    /// The package-manager invocations among `commands` (see `packageManagerCommands`).
    let packageCommands: [PackageManagerCommand]

    struct DefinedFunction: Sendable {
        let definition: FunctionDefinition
        let context: CommandContext
    }

    struct BackgroundList: Sendable {
        let range: Range<Int>
        let context: CommandContext
    }

    init(
        source: ShellSource, body: CommandList, opaque: OpaqueReason?, comments: [Range<Int>],
        commands: [SimpleCommand], functionDefinitions: [DefinedFunction], backgroundLists: [BackgroundList]
    ) {
        self.source = source
        self.body = body
        self.opaque = opaque
        self.comments = comments
        self.commands = commands
        self.functionDefinitions = functionDefinitions
        self.backgroundLists = backgroundLists
        self.packageCommands = commands.compactMap(\.packageManagerCommand)
    }

    /// Parses `source` (same as `parseShell(_:)`).
    public init(parsing source: ShellSource) {
        self = ShellParser.parse(source)
    }

    /// An opaque script for `source`, e.g. `ShellScript.opaque(source, reason: .nonPOSIXShell)` for a
    /// RUN whose SHELL is PowerShell or cmd.
    public static func opaque(_ source: ShellSource, reason: OpaqueReason) -> ShellScript {
        let empty = CommandList(range: 0..<0, items: [])
        return ShellScript(
            source: source, body: empty, opaque: reason, comments: [], commands: [], functionDefinitions: [],
            backgroundLists: [])
    }

    /// Whether the script could not be read.
    public var isOpaque: Bool { opaque != nil }

    /// The comment that runs to the very end of the logical text, if any: text appended after
    /// the script would become part of it. Nil for opaque scripts.
    public var trailingComment: Range<Int>? {
        guard let last = comments.last, last.upperBound == source.text.count else { return nil }
        return last
    }

    /// Whether the logical text ends inside a comment (`trailingComment != nil`).
    public var endsInComment: Bool { trailingComment != nil }

    /// Whether the last top-level and-or list is terminated by `&`.
    public var endsInBackground: Bool { body.items.last?.terminator == .background }

    /// The logical text of `range`.
    public func text(_ range: Range<Int>) -> String { source.string(range) }

    /// The Dockerfile range of a logical range.
    public func sourceRange(of range: Range<Int>) -> Range<Int> { source.sourceRange(ofLogical: range) }

    /// Top-level simple commands (not nested in anything), in order.
    public var topLevelCommands: [SimpleCommand] { commands.filter(\.isTopLevel) }

    /// Commands whose (unwrapped) name's basename is one of `names`.
    public func commands(named names: String...) -> [SimpleCommand] {
        commands.filter { command in
            guard let name = command.invocation?.baseName else { return false }
            return names.contains(name)
        }
    }
}

/// Parses the logical text of one RUN. Never fails: on syntax it cannot read with certainty it
/// returns an opaque script with a reason.
public func parseShell(_ source: ShellSource) -> ShellScript {
    ShellParser.parse(source)
}

extension ShellParser {
    /// Parses and annotates a whole script.
    static func parse(_ source: ShellSource) -> ShellScript {
        var parser = ShellParser(bytes: source.text)
        let body: CommandList
        do {
            body = try parser.parseProgram()
        } catch {
            return ShellScript.opaque(source, reason: error.reason)
        }
        var annotator = Annotator(heredocs: parser.heredocs)
        let annotated = annotator.list(body, CommandContext(), first: nil)
        return ShellScript(
            source: source, body: annotated, opaque: nil, comments: parser.comments,
            commands: annotator.commands,
            functionDefinitions: annotator.functions.map {
                ShellScript.DefinedFunction(definition: $0.definition, context: $0.context)
            },
            backgroundLists: annotator.backgroundLists.map {
                ShellScript.BackgroundList(range: $0.range, context: $0.context)
            })
    }
}
