/// Why a script could not be read with certainty. An opaque script keeps its source (no byte is
/// lost) but offers no commands: passes must leave it alone.
///
/// Offsets are logical offsets into the script's text.
public enum OpaqueReason: Sendable, Equatable, CustomStringConvertible {
    /// The caller said the RUN runs PowerShell, cmd or another non-POSIX shell.
    case nonPOSIXShell
    /// A `'` without its closing quote.
    case unterminatedSingleQuote(at: Int)
    /// A `"` without its closing quote.
    case unterminatedDoubleQuote(at: Int)
    /// A `$'` without its closing quote.
    case unterminatedANSICString(at: Int)
    /// A backquote without its closing backquote.
    case unterminatedBackquote(at: Int)
    /// A `$(` without its closing `)`.
    case unterminatedCommandSubstitution(at: Int)
    /// A `${` without its closing `}`.
    case unterminatedParameterExpansion(at: Int)
    /// A `<(` or `>(` without its closing `)`.
    case unterminatedProcessSubstitution(at: Int)
    /// A compound command (`if`, `for`, `while`, `until`, `case`, `{`, `(`, `[[`) that never ends.
    case unterminatedCompound(keyword: String, at: Int)
    /// A token the grammar does not allow here (the token text is given, or `end of input`).
    case unexpectedToken(String, at: Int)
    /// A redirection operator with no word after it.
    case missingRedirectionTarget(at: Int)
    /// Valid (bash) syntax this parser does not model.
    case unsupported(UnsupportedConstruct, at: Int)
    /// Substitutions or compound commands nested deeper than the parser's limit.
    case nestingTooDeep(at: Int)

    /// The logical offset the reason points at, if any.
    public var offset: Int? {
        switch self {
        case .nonPOSIXShell: return nil
        case .unterminatedSingleQuote(let at), .unterminatedDoubleQuote(let at),
            .unterminatedANSICString(let at), .unterminatedBackquote(let at),
            .unterminatedCommandSubstitution(let at), .unterminatedParameterExpansion(let at),
            .unterminatedProcessSubstitution(let at), .unterminatedCompound(_, let at),
            .unexpectedToken(_, let at), .missingRedirectionTarget(let at), .unsupported(_, let at),
            .nestingTooDeep(let at):
            return at
        }
    }

    /// A stable key without offsets, for statistics and golden files (e.g. `unsupported: coproc`).
    public var category: String {
        switch self {
        case .nonPOSIXShell: return "non-POSIX shell"
        case .unterminatedSingleQuote: return "unterminated single quote"
        case .unterminatedDoubleQuote: return "unterminated double quote"
        case .unterminatedANSICString: return "unterminated $'...' string"
        case .unterminatedBackquote: return "unterminated backquote"
        case .unterminatedCommandSubstitution: return "unterminated $(...)"
        case .unterminatedParameterExpansion: return "unterminated ${...}"
        case .unterminatedProcessSubstitution: return "unterminated process substitution"
        case .unterminatedCompound(let keyword, _): return "unterminated \(keyword)"
        case .unexpectedToken(let token, _): return "unexpected \(token)"
        case .missingRedirectionTarget: return "redirection without target"
        case .unsupported(let construct, _): return "unsupported: \(construct.rawValue)"
        case .nestingTooDeep: return "nesting too deep"
        }
    }

    /// A human-readable sentence, e.g. `unterminated double quote at offset 12`.
    public var description: String {
        guard let offset else { return "the RUN uses a non-POSIX shell" }
        return "\(category) at offset \(offset)"
    }
}

/// Shell syntax that is valid for bash but deliberately not modelled.
public enum UnsupportedConstruct: String, Sendable, Equatable {
    /// `a=(1 2)` or `declare -a a=(...)`.
    case arrayAssignment = "array assignment"
    /// `a[1]=x`.
    case arrayElementAssignment = "array element assignment"
    /// `(( i++ ))`.
    case arithmeticCommand = "arithmetic command (( ))"
    /// `for (( i = 0; i < 3; i++ ))`.
    case arithmeticFor = "arithmetic for loop"
    /// `coproc`.
    case coproc = "coproc"
    /// `select x in ...`.
    case select = "select"
    /// `@(a|b)`, `!(x)`, `+(x)` and friends (need `shopt -s extglob`).
    case extendedGlob = "extended glob"
    /// `{fd}>file`.
    case namedFileDescriptor = "named file descriptor"
}
