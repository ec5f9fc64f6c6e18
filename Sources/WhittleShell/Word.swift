/// One shell word: a command name, an argument, an assignment value, a redirection target, a case
/// pattern or a `for` item.
///
/// `literal` is the word's value after quote removal when the value is static, that is when the
/// word contains no parameter, command, arithmetic, process or brace expansion and no `$'...'`
/// string with an escape this module does not decode. Pathname patterns (`*`, `?`, `[...]`) and a
/// leading tilde do *not* make a word dynamic: `literal` then holds the pattern text (for example
/// `/var/lib/apt/lists/*`) and `hasGlob` / `hasTilde` say the shell would expand it further.
public struct Word: Sendable, Equatable {
    /// Logical range of the word, quotes included.
    public let range: Range<Int>
    /// The word exactly as written (logical text).
    public let raw: String
    /// The value after quote removal, or nil when the word contains an expansion.
    public let literal: String?
    /// The static prefix of a dynamic word (nil for static words: the literal is the prefix).
    let dynamicPrefix: String?
    /// Expansions in source order, outermost first (a `$(...)` inside `${a:-...}` follows it).
    public internal(set) var expansions: [Expansion]
    /// Whether the word has an unquoted `*`, `?` or `[` (pathname expansion may apply).
    public let hasGlob: Bool
    /// Whether the word starts with an unquoted `~`.
    public let hasTilde: Bool
    /// Whether any part of the word is quoted or escaped.
    public let isQuoted: Bool

    /// Creates a word (used by the parser and by tests).
    public init(
        range: Range<Int>, raw: String, literal: String?, staticPrefix: String, expansions: [Expansion],
        hasGlob: Bool, hasTilde: Bool, isQuoted: Bool
    ) {
        self.range = range
        self.raw = raw
        self.literal = literal
        self.dynamicPrefix = literal == nil ? staticPrefix : nil
        self.expansions = expansions
        self.hasGlob = hasGlob
        self.hasTilde = hasTilde
        self.isQuoted = isQuoted
    }

    init(
        range: Range<Int>, raw: String, literal: String?, dynamicPrefix: String?, expansions: [Expansion],
        hasGlob: Bool, hasTilde: Bool, isQuoted: Bool
    ) {
        self.range = range
        self.raw = raw
        self.literal = literal
        self.dynamicPrefix = dynamicPrefix
        self.expansions = expansions
        self.hasGlob = hasGlob
        self.hasTilde = hasTilde
        self.isQuoted = isQuoted
    }

    /// The value after quote removal up to the first expansion (the whole value when static).
    /// `--requirement=$FILE` has the prefix `--requirement=`.
    public var staticPrefix: String { literal ?? dynamicPrefix ?? "" }

    /// Whether the value is known statically (`literal != nil`).
    public var isStatic: Bool { literal != nil }

    /// The kinds of expansion in the word, in source order, without repetition.
    public var expansionKinds: [ExpansionKind] {
        var kinds: [ExpansionKind] = []
        for expansion in expansions where !kinds.contains(expansion.kind) { kinds.append(expansion.kind) }
        return kinds
    }

    /// Names of the parameters the word expands (`$HOME`, `${VERSION%.*}` give `HOME`, `VERSION`).
    public var parameterNames: [String] { expansions.compactMap(\.parameter) }
}

/// The kinds of expansion a word can contain.
public enum ExpansionKind: String, Sendable, Equatable {
    /// `$NAME`, `$1`, `$@`, `${NAME...}`.
    case parameter
    /// `$(...)`.
    case commandSubstitution
    /// `` `...` ``.
    case backquote
    /// `$((...))`.
    case arithmetic
    /// `<(...)` or `>(...)`.
    case processSubstitution
    /// `{a,b}` or `{1..3}`.
    case brace
    /// `$'...'` with an escape this module does not decode (`\x41`, `\u00e9`, `\101`, `\cA`).
    case ansiCString
}

/// One expansion inside a word.
public struct Expansion: Sendable, Equatable {
    /// What is expanded.
    public let kind: ExpansionKind
    /// Logical range, including `$`, braces, parentheses or backquotes.
    public let range: Range<Int>
    /// Whether the expansion sits inside double quotes (so it is not field-split).
    public let isQuoted: Bool
    /// For `.parameter`: the parameter's name (`HOME`, `1`, `@`, `#`).
    public let parameter: String?
    /// For `.commandSubstitution`, `.processSubstitution` and `.backquote`: the parsed commands.
    /// Nil for a backquote whose body contains backslashes (its text differs from the source), and
    /// for the other kinds.
    public internal(set) var body: CommandList?

    /// Creates an expansion.
    public init(
        kind: ExpansionKind, range: Range<Int>, isQuoted: Bool, parameter: String? = nil,
        body: CommandList? = nil
    ) {
        self.kind = kind
        self.range = range
        self.isQuoted = isQuoted
        self.parameter = parameter
        self.body = body
    }
}
