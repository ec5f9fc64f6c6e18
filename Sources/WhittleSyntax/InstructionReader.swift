/// Reads the logical line of one instruction: BuildKit's `newNodeFromLine` and its dispatch table
/// of argument parsers.
struct InstructionReader {
    let text: MappedText
    let escape: UInt8
    /// The first error BuildKit would report for this instruction.
    private(set) var error: String?

    init(text: MappedText, escape: UInt8) {
        self.text = text
        self.escape = escape
    }

    mutating func read(_ range: Range<Int>) -> Instruction {
        let s = text.bytes
        let split = BuildKitArguments.splitCommand(s, range)
        let keyword = GoText.string(s, split.keywordRange)
        let kind = InstructionKind(keyword: keyword)
        let args = split.argumentsRange
        var value: [String] = []
        var valueRanges: [Range<Int>]? = nil
        var isJSON = false
        var trigger: Instruction? = nil

        switch kind {
        case .from, .expose:
            (value, valueRanges) = BuildKitArguments.whitespaceDelimited(s, args)
        case .run, .cmd, .entrypoint, .shell:
            (value, valueRanges, isJSON) = maybeJSON(args)
        case .add, .copy, .volume:
            switch JSONArrayForm.parse(s, args) {
            case .strings(let items, let ranges, _):
                value = items
                valueRanges = ranges
                isJSON = true
            case .notStringArray:
                error = error ?? JSONArrayForm.notStringArrayMessage
            case .notJSON:
                (value, valueRanges) = BuildKitArguments.whitespaceDelimited(s, args)
            }
        case .env, .label:
            do {
                value = try BuildKitArguments.nameValue(
                    s, args, keyword: kind == .env ? "ENV" : "LABEL", escape: escape
                ).0
            } catch {
                if case .message(let m) = error { self.error = self.error ?? m }
            }
        case .arg:
            value = BuildKitArguments.nameOrNameValue(s, args, escape: escape).0
        case .maintainer, .stopsignal, .user, .workdir:
            if !args.isEmpty {
                value = [GoText.string(s, args)]
                valueRanges = [args]
            }
        case .healthcheck:
            var sep = args.lowerBound
            while sep < args.upperBound && !GoText.isSpaceByte(s[sep]) { sep += 1 }
            var next = sep
            while next < args.upperBound && GoText.isSpaceByte(s[next]) { next += 1 }
            if sep > args.lowerBound {
                let (cmd, cmdRanges, json) = maybeJSON(next..<args.upperBound)
                value = [GoText.string(s, args.lowerBound..<sep)] + cmd
                valueRanges = cmdRanges.map { [args.lowerBound..<sep] + $0 }
                isJSON = json
            }
        case .onbuild:
            if !args.isEmpty {
                let sub = read(args)
                trigger = sub
                // BuildKit's node for a nested ONBUILD holds its trigger as a child of one empty
                // value node, so its argument list reads [""].
                value = sub.kind == .onbuild ? (sub.trigger == nil ? [] : [""]) : sub.value
                valueRanges = sub.valueRanges
                isJSON = sub.isJSON
            }
        case .unknown:
            value = [""]
        }

        return Instruction(
            keyword: keyword, range: 0..<0, startLine: 0, endLine: 0, text: text,
            keywordRange: split.keywordRange, flags: split.flags, argumentsRange: args, value: value,
            valueRanges: valueRanges, isJSON: isJSON, heredocs: [], continuationComments: [],
            emptyContinuationLines: [], trigger: trigger)
    }

    /// `parseMaybeJSON`: an exec-form array, or the whole text as one shell-form string.
    private mutating func maybeJSON(_ args: Range<Int>) -> ([String], [Range<Int>]?, Bool) {
        guard !args.isEmpty else { return ([], nil, false) }
        switch JSONArrayForm.parse(text.bytes, args) {
        case .strings(let items, let ranges, _):
            return (items, ranges, true)
        case .notStringArray:
            error = error ?? JSONArrayForm.notStringArrayMessage
            return ([], nil, false)
        case .notJSON:
            return ([GoText.string(text.bytes, args)], [args], false)
        }
    }
}
