// libFuzzer entry point for the Dockerfile parser.
//
// Not a SwiftPM target: `Fuzz/run.sh` compiles this file together with the sources of
// `Sources/WhittleSyntax` into one module (so the parser's types need no import) with
// `swiftc -sanitize=fuzzer,address -parse-as-library`.
//
// Invariants checked for every input (a violation traps, and libFuzzer saves the input):
// - the parser never crashes, whatever the bytes;
// - an input that parses prints back byte for byte, with nodes in order and without gaps;
// - the parts of every instruction (keyword, arguments, flags, heredocs, continuation lines) map
//   to ranges inside the file and inside the instruction;
// - a UTF-16/32 input that decodes re-encodes to the same bytes, and its text round-trips too.

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkRoundTrip(bytes)
    let encoding = SourceEncoding.detect(bytes)
    if encoding != .utf8, let utf8 = encoding.decode(bytes) {
        guard encoding.encode(utf8) == bytes else { fatalError("\(encoding.rawValue) does not re-encode") }
        checkRoundTrip(utf8)
    }
    return 0
}

/// Parses `bytes` and checks the tree's invariants; unreadable input (invalid UTF-8, NUL) is fine.
func checkRoundTrip(_ bytes: [UInt8]) {
    guard let file = try? Dockerfile.parse(bytes) else { return }
    guard file.printed() == bytes else { fatalError("printed bytes differ from the input") }
    var offset = 0
    for node in file.nodes {
        guard node.range.lowerBound == offset else { fatalError("gap or overlap at \(offset)") }
        offset = node.range.upperBound
    }
    guard offset == bytes.count else { fatalError("nodes end at \(offset) of \(bytes.count)") }
    for instruction in file.instructions {
        checkInstruction(instruction, in: file)
        if let trigger = instruction.trigger { checkInstruction(trigger, in: file) }
    }
    if let error = file.error {
        guard error.line >= 1, error.line <= max(1, file.source.lineStarts.count) else {
            fatalError("error line \(error.line) outside the file")
        }
    }
}

func checkInstruction(_ instruction: Instruction, in file: Dockerfile) {
    let whole = instruction.range
    func inside(_ range: Range<Int>, _ what: String) {
        guard range.lowerBound >= whole.lowerBound, range.upperBound <= whole.upperBound else {
            fatalError("\(what) \(range) outside the instruction \(whole)")
        }
    }
    let text = instruction.text
    for segment in text.segments {
        let source = segment.sourceStart..<segment.sourceStart + segment.length
        inside(source, "segment")
        guard
            Array(file.source.bytes[source])
                == Array(text.bytes[segment.logicalStart..<segment.logicalStart + segment.length])
        else { fatalError("segment bytes differ from the source") }
    }
    inside(instruction.keywordSourceRange, "keyword")
    inside(instruction.argumentsSourceRange, "arguments")
    for flag in instruction.flags { inside(text.sourceRange(ofLogical: flag.range), "flag") }
    for range in instruction.valueRanges ?? [] { inside(text.sourceRange(ofLogical: range), "value") }
    for range in instruction.continuationComments + instruction.emptyContinuationLines {
        inside(range, "line")
    }
    for heredoc in instruction.heredocs {
        inside(heredoc.bodyRange, "heredoc body")
        inside(heredoc.terminatorRange, "heredoc terminator")
        _ = heredoc.effectiveContent
    }
    _ = file.source.location(of: whole.lowerBound)
    _ = text.slice(instruction.argumentsRange).string
    let expander = VariableExpander(escape: file.escape)
    _ = expander.expand(instruction.arguments) { $0.count % 2 == 0 ? nil : $0 }
    _ = expander.unquote(instruction.arguments)
}
