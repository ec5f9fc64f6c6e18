/// One Dockerfile instruction: its physical lines in the file and BuildKit's reading of them.
///
/// The instruction owns every byte from the start of its first line (leading blanks included) to
/// the end of its last line (terminator included): continuation lines, the comment lines and
/// empty lines inside the continuation, and heredoc bodies with their terminators.
public struct Instruction: Sendable, Equatable {
    /// The keyword as written, e.g. `Run` (empty for a continuation-only line).
    public let keyword: String
    public let kind: InstructionKind
    /// Source range of the whole instruction.
    public let range: Range<Int>
    /// 1-based physical lines, as BuildKit reports them (heredoc bodies included).
    public let startLine: Int
    public let endLine: Int
    /// BuildKit's logical line for this instruction, mapped back to the source.
    public let text: MappedText
    /// Logical range of the keyword.
    public let keywordRange: Range<Int>
    public let flags: [Flag]
    /// Logical range of the arguments after the flags, blanks trimmed.
    public let argumentsRange: Range<Int>
    /// BuildKit's argument list (its `Node.Next` chain), for comparison with BuildKit.
    public let value: [String]
    /// Logical ranges of the items of `value`, where they are words of the text (FROM, EXPOSE,
    /// the shell form of COPY/ADD/VOLUME, exec-form string literals); nil otherwise.
    public let valueRanges: [Range<Int>]?
    /// True when the arguments are a JSON array (exec form).
    public let isJSON: Bool
    public let heredocs: [Heredoc]
    /// Source ranges of comment lines inside the continuation (BuildKit ignores them).
    public let continuationComments: [Range<Int>]
    /// Source ranges of blank lines inside the continuation (BuildKit ignores them, with a warning).
    public let emptyContinuationLines: [Range<Int>]
    private let triggerStorage: [Instruction]

    init(
        keyword: String, range: Range<Int>, startLine: Int, endLine: Int, text: MappedText,
        keywordRange: Range<Int>, flags: [Flag], argumentsRange: Range<Int>, value: [String],
        valueRanges: [Range<Int>]?, isJSON: Bool, heredocs: [Heredoc], continuationComments: [Range<Int>],
        emptyContinuationLines: [Range<Int>], trigger: Instruction?
    ) {
        self.keyword = keyword
        self.kind = InstructionKind(keyword: keyword)
        self.range = range
        self.startLine = startLine
        self.endLine = endLine
        self.text = text
        self.keywordRange = keywordRange
        self.flags = flags
        self.argumentsRange = argumentsRange
        self.value = value
        self.valueRanges = valueRanges
        self.isJSON = isJSON
        self.heredocs = heredocs
        self.continuationComments = continuationComments
        self.emptyContinuationLines = emptyContinuationLines
        self.triggerStorage = trigger.map { [$0] } ?? []
    }

    /// For ONBUILD, the instruction it registers.
    public var trigger: Instruction? { triggerStorage.first }

    /// The arguments as one string (BuildKit's view, after continuations are joined).
    public var arguments: String { text.string(argumentsRange) }

    /// The flag named `name` (without dashes), if present; the last one wins as in BuildKit.
    public func flag(_ name: String) -> Flag? { flags.last { $0.name == name } }

    /// All flags with this name (e.g. several `--mount`).
    public func flags(named name: String) -> [Flag] { flags.filter { $0.name == name } }

    /// The source range of the keyword.
    public var keywordSourceRange: Range<Int> { text.sourceRange(ofLogical: keywordRange) }

    /// The source range of the arguments (for the shell form of RUN, the script).
    public var argumentsSourceRange: Range<Int> { text.sourceRange(ofLogical: argumentsRange) }

    /// The end of the instruction's logical text in the source: before any heredoc body and before
    /// the final line terminator. Text appended here stays inside the instruction.
    public var logicalEndSourceOffset: Int { text.sourceOffset(ofLogical: text.bytes.count) }

    /// Whether the instruction spans more than one physical line.
    public var isMultiline: Bool { endLine > startLine }
}
