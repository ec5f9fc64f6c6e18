/// A compound command with the redirections written after it:
/// `( ... )`, `{ ...; }`, `if`, `for`, `while`, `until`, `case`.
public struct CompoundCommand: Sendable, Equatable {
    /// Logical range from the opening keyword to the last redirection (or the closing keyword).
    public let range: Range<Int>
    /// The construct.
    public internal(set) var kind: CompoundKind
    /// Redirections after the closing keyword (`done < file`).
    public internal(set) var redirections: [Redirection]

    /// Creates a compound command.
    public init(range: Range<Int>, kind: CompoundKind, redirections: [Redirection]) {
        self.range = range
        self.kind = kind
        self.redirections = redirections
    }

    /// A short name for the construct (`subshell`, `group`, `if`, `for`, `while`, `until`, `case`).
    public var keyword: String {
        switch kind {
        case .subshell: return "subshell"
        case .braceGroup: return "group"
        case .ifClause: return "if"
        case .forLoop: return "for"
        case .whileLoop: return "while"
        case .untilLoop: return "until"
        case .caseClause: return "case"
        }
    }
}

/// The constructs a compound command can be.
public enum CompoundKind: Sendable, Equatable {
    /// `( list )`: runs in a subshell.
    case subshell(CommandList)
    /// `{ list; }`: runs in the current shell.
    case braceGroup(CommandList)
    /// `if c; then b; elif c; then b; else b; fi`.
    case ifClause(branches: [ConditionalBranch], elseBody: CommandList?)
    /// `for name [in words]; do body; done`.
    case forLoop(ForLoop)
    /// `while condition; do body; done`.
    case whileLoop(ConditionalBranch)
    /// `until condition; do body; done`.
    case untilLoop(ConditionalBranch)
    /// `case word in pattern) list;; esac`.
    case caseClause(CaseClause)
}

/// A condition list and the body it guards (`if`/`elif` branches, `while`/`until` loops).
public struct ConditionalBranch: Sendable, Equatable {
    /// The condition commands.
    public internal(set) var condition: CommandList
    /// The guarded commands.
    public internal(set) var body: CommandList

    /// Creates a branch.
    public init(condition: CommandList, body: CommandList) {
        self.condition = condition
        self.body = body
    }
}

/// `for name [in words]; do body; done`.
public struct ForLoop: Sendable, Equatable {
    /// The loop variable.
    public let variable: String
    /// The words after `in`; nil when `in` is absent (the loop runs over `"$@"`).
    public internal(set) var items: [Word]?
    /// The loop body.
    public internal(set) var body: CommandList

    /// Creates a loop.
    public init(variable: String, items: [Word]?, body: CommandList) {
        self.variable = variable
        self.items = items
        self.body = body
    }
}

/// `case word in ... esac`.
public struct CaseClause: Sendable, Equatable {
    /// The word that is matched.
    public internal(set) var subject: Word
    /// The items in order.
    public internal(set) var items: [CaseItem]

    /// Creates a case clause.
    public init(subject: Word, items: [CaseItem]) {
        self.subject = subject
        self.items = items
    }
}

/// `pattern | pattern) list ;;`.
public struct CaseItem: Sendable, Equatable {
    /// How the item ends.
    public enum Terminator: String, Sendable, Equatable {
        case `break` = ";;"
        case fallThrough = ";&"
        case continueMatching = ";;&"
        /// The last item before `esac` may omit its terminator.
        case none = ""
    }

    /// Logical range from the first pattern (or `(`) to the terminator.
    public let range: Range<Int>
    /// The patterns.
    public internal(set) var patterns: [Word]
    /// The commands run when a pattern matches.
    public internal(set) var body: CommandList
    /// The terminator.
    public let terminator: Terminator

    /// Creates an item.
    public init(range: Range<Int>, patterns: [Word], body: CommandList, terminator: Terminator) {
        self.range = range
        self.patterns = patterns
        self.body = body
        self.terminator = terminator
    }
}

/// `name() compound-command` or bash `function name [()] compound-command`.
public struct FunctionDefinition: Sendable, Equatable {
    /// Logical range from the name (or `function`) to the end of the body.
    public let range: Range<Int>
    /// The function name.
    public let name: String
    /// Logical range of the name.
    public let nameRange: Range<Int>
    /// The body.
    public internal(set) var body: CompoundCommand

    /// Creates a function definition.
    public init(range: Range<Int>, name: String, nameRange: Range<Int>, body: CompoundCommand) {
        self.range = range
        self.name = name
        self.nameRange = nameRange
        self.body = body
    }
}
