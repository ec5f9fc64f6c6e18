/// A simple command: assignment prefixes, words and redirections, e.g.
/// `DEBIAN_FRONTEND=noninteractive apt-get install -y curl >/dev/null`.
///
/// The syntactic parts come from the parser; `index` and `context` (where the command sits and
/// whether it always runs) are filled in once the whole script is read.
public struct SimpleCommand: Sendable, Equatable {
    /// Logical range from the first to the last byte of the command (no surrounding blanks).
    public let range: Range<Int>
    /// `NAME=value` words before the command name.
    public internal(set) var assignments: [Assignment]
    /// The command name followed by its arguments. Empty for a bare assignment or redirection.
    public internal(set) var words: [Word]
    /// Redirections, wherever they appear among the words.
    public internal(set) var redirections: [Redirection]
    /// Position in `ShellScript.commands` (source order).
    public internal(set) var index: Int
    /// Where the command sits in the script.
    public internal(set) var context: CommandContext

    /// Creates a command; `index` and `context` start at their defaults.
    public init(range: Range<Int>, assignments: [Assignment], words: [Word], redirections: [Redirection]) {
        self.range = range
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.index = -1
        self.context = CommandContext()
    }

    /// The literal of the first word (`/usr/bin/apt-get`), nil when absent or dynamic.
    public var name: String? { words.first?.literal }
    /// `name` without its directory (`apt-get`).
    public var baseName: String? { name.map(baseNameOf) }
    /// The words after the command name.
    public var args: [Word] { words.isEmpty ? [] : Array(words[1...]) }
    /// Whether the command only assigns variables (`A=1 B=2`).
    public var isBareAssignment: Bool { words.isEmpty && !assignments.isEmpty }

    /// See `CommandContext.isUnconditional`.
    public var isUnconditional: Bool { context.isUnconditional }
    /// See `CommandContext.isTopLevel`.
    public var isTopLevel: Bool { context.isTopLevel }
    /// See `CommandContext.inSubstitution`.
    public var inSubstitution: Bool { context.inSubstitution }
    /// See `CommandContext.connectorBefore`.
    public var connectorBefore: Connector? { context.connectorBefore }
    /// See `CommandContext.listIndex`.
    public var listIndex: Int { context.listIndex }
    /// See `CommandContext.andOrIndex`.
    public var andOrIndex: Int { context.andOrIndex }
}

/// `NAME=value` or `NAME+=value` before a command name (or alone).
public struct Assignment: Sendable, Equatable {
    /// Logical range of the whole assignment word.
    public let range: Range<Int>
    /// The variable name.
    public let name: String
    /// Logical range of the name.
    public let nameRange: Range<Int>
    /// `+=` (bash) rather than `=`.
    public let isAppend: Bool
    /// The value, possibly empty (`A=`), as a word of its own.
    public internal(set) var value: Word

    /// Creates an assignment.
    public init(range: Range<Int>, name: String, nameRange: Range<Int>, isAppend: Bool, value: Word) {
        self.range = range
        self.name = name
        self.nameRange = nameRange
        self.isAppend = isAppend
        self.value = value
    }
}

/// The operator that separates a command from the one before it.
public enum Connector: String, Sendable, Equatable {
    case and = "&&"
    case or = "||"
    case semicolon = ";"
    case pipe = "|"
    /// bash `|&` (standard output and error into the pipe).
    case pipeWithError = "|&"
    case background = "&"
    case newline = "\\n"
}

/// Where a simple command sits in the script, computed after parsing.
///
/// **`isUnconditional`** is true when the command is reached on every path on which the RUN
/// succeeds. Exactly: the command is not inside an `if`/`elif`/`else` (condition or body), a
/// `while`/`until`/`for` loop, a `case`, a function body or a command, process or backquote
/// substitution; no enclosing and-or list runs in the background (`&`); and in its own and-or
/// list, and in the and-or lists of every enclosing subshell or brace group, no `||` precedes it.
/// Subshells `( ... )` and groups `{ ...; }` pass unconditionality through. `a && b`, `a | b`
/// and `a; b` make both commands unconditional: `;` and newlines count as reaching the next
/// command, because the shell continues after a failure and Docker's RUN only checks the last
/// status (with `set -e` the script stops instead, which also satisfies "every successful path").
/// `a || b`: `a` is unconditional, `b` is not, and neither is anything after `b` in that and-or
/// list. An earlier `exit` or `exec` is not taken into account (see
/// `ShellScript.hasTopLevelExitOrExec`).
public struct CommandContext: Sendable, Equatable {
    /// Not inside a subshell, brace group, compound command, function or substitution.
    public internal(set) var isTopLevel: Bool = true
    /// Reached on every successful path (see the type's documentation).
    public internal(set) var isUnconditional: Bool = true
    /// Inside `$(...)`, backquotes or `<(...)` / `>(...)`, at any depth.
    public internal(set) var inSubstitution: Bool = false
    /// Inside a function body.
    public internal(set) var inFunction: Bool = false
    /// Inside `if`, `for`, `while`, `until` or `case`.
    public internal(set) var inConditionalCompound: Bool = false
    /// Inside an explicit subshell `( ... )`.
    public internal(set) var inSubshell: Bool = false
    /// Part of an and-or list that runs in the background (`&`).
    public internal(set) var isBackground: Bool = false
    /// Part of a pipeline of two or more commands (each runs in a subshell in dash).
    public internal(set) var inPipeline: Bool = false
    /// The operator before this command in its list; nil for the first command of a list.
    public internal(set) var connectorBefore: Connector? = nil
    /// Index of the command's and-or list in its enclosing list.
    public internal(set) var listIndex: Int = 0
    /// Index of the command's pipeline in its and-or list.
    public internal(set) var andOrIndex: Int = 0
    /// Index of the command in its pipeline.
    public internal(set) var pipelineIndex: Int = 0
    /// Number of commands in the command's pipeline.
    public internal(set) var pipelineLength: Int = 1
    /// Number of enclosing subshells, groups, compound commands, functions and substitutions.
    public internal(set) var depth: Int = 0
    /// For a command inside a substitution: the index of the simple command whose word holds it.
    public internal(set) var parentCommand: Int? = nil
    /// For a command inside a substitution in an assignment value (`d="$(mktemp -d)"`): the name.
    public internal(set) var assignmentTarget: String? = nil

    /// Creates the context of a top-level, unconditional command.
    public init() {}

    /// Whether the command runs in the script's own shell process, so that `cd`, `export` and
    /// the like affect the commands after it (not in a subshell, substitution, multi-command
    /// pipeline, background list or function body).
    public var runsInCurrentShell: Bool {
        !inSubstitution && !inSubshell && !isBackground && !inPipeline && !inFunction
    }
}

/// The part of a path after its last `/` (`/usr/bin/pip3` gives `pip3`).
func baseNameOf(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
}
