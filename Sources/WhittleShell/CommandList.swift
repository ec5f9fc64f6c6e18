/// A sequence of and-or lists separated by `;`, `&` or newlines: the body of a script, a
/// subshell, a group, a compound command's part or a command substitution.
public struct CommandList: Sendable, Equatable {
    /// Logical range from the first item's start to the last item's end (including its `;`/`&`),
    /// empty at the list's position when the list has no items.
    public let range: Range<Int>
    /// The items in source order.
    public internal(set) var items: [ListItem]

    /// Creates a list.
    public init(range: Range<Int>, items: [ListItem]) {
        self.range = range
        self.items = items
    }
}

/// One and-or list with the operator that ends it.
public struct ListItem: Sendable, Equatable {
    /// The and-or list.
    public internal(set) var andOr: AndOrList
    /// `.semicolon`, `.background` or `.newline`; nil when the list ends without one.
    public let terminator: Connector?
    /// Logical range of the terminator.
    public let terminatorRange: Range<Int>?

    /// Creates an item.
    public init(andOr: AndOrList, terminator: Connector?, terminatorRange: Range<Int>?) {
        self.andOr = andOr
        self.terminator = terminator
        self.terminatorRange = terminatorRange
    }

    /// Logical range of the and-or list and its terminator.
    public var range: Range<Int> {
        andOr.range.lowerBound..<(terminatorRange?.upperBound ?? andOr.range.upperBound)
    }
}

/// Pipelines joined by `&&` and `||`.
public struct AndOrList: Sendable, Equatable {
    /// Logical range of the list.
    public let range: Range<Int>
    /// The pipelines, at least one.
    public internal(set) var pipelines: [Pipeline]
    /// `.and` or `.or` between consecutive pipelines (`pipelines.count - 1` entries).
    public let connectors: [Connector]

    /// Creates an and-or list.
    public init(range: Range<Int>, pipelines: [Pipeline], connectors: [Connector]) {
        self.range = range
        self.pipelines = pipelines
        self.connectors = connectors
    }
}

/// Commands joined by `|` or `|&`, optionally negated with `!`.
public struct Pipeline: Sendable, Equatable {
    /// Logical range of the pipeline, including `!`.
    public let range: Range<Int>
    /// Whether the pipeline starts with `!`.
    public let isNegated: Bool
    /// The commands, at least one.
    public internal(set) var commands: [Command]
    /// `.pipe` or `.pipeWithError` between consecutive commands.
    public let connectors: [Connector]

    /// Creates a pipeline.
    public init(range: Range<Int>, isNegated: Bool, commands: [Command], connectors: [Connector]) {
        self.range = range
        self.isNegated = isNegated
        self.commands = commands
        self.connectors = connectors
    }
}

/// A command of a pipeline.
public enum Command: Sendable, Equatable {
    case simple(SimpleCommand)
    case compound(CompoundCommand)
    case function(FunctionDefinition)

    /// Logical range of the command.
    public var range: Range<Int> {
        switch self {
        case .simple(let command): return command.range
        case .compound(let command): return command.range
        case .function(let definition): return definition.range
        }
    }
}
