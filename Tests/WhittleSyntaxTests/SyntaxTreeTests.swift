import Testing
import WhittleSyntax

/// The tree: which node owns which bytes, and the losslessness invariant.
@Suite("Syntax tree")
struct SyntaxTreeTests {
    /// A node's kind, for compact expectations.
    enum Kind: Equatable {
        case bom, directive, comment, blank, instruction
    }

    static func kinds(_ file: Dockerfile) -> [Kind] {
        file.nodes.map {
            switch $0 {
            case .byteOrderMark: .bom
            case .directive: .directive
            case .comment: .comment
            case .blank: .blank
            case .instruction: .instruction
            }
        }
    }

    @Test func nodeKindsOfATypicalFile() throws {
        let text = "\u{FEFF}# syntax=docker/dockerfile:1\n# a comment\n\nFROM alpine\n   \nRUN echo hi\n"
        let file = try Fixture.parse(text)
        #expect(
            Self.kinds(file) == [.bom, .directive, .comment, .blank, .instruction, .blank, .instruction])
        #expect(losslessnessProblem(file, Array(text.utf8)) == nil)
        #expect(file.hasByteOrderMark)
        #expect(file.nodes[0].range == 0..<3)
        #expect(file.nodes[1].range.lowerBound == 3, "the directive line starts after the BOM")
    }

    @Test func commentAndBlankNodesKeepTheirBlanksAndTerminator() throws {
        let text = "FROM a\n  # indented\n \t \r\nRUN b\n"
        let file = try Fixture.parse(text)
        #expect(Self.kinds(file) == [.instruction, .comment, .blank, .instruction])
        #expect(Fixture.text(file, file.nodes[1].range) == "  # indented\n")
        #expect(Fixture.text(file, file.nodes[2].range) == " \t \r\n")
        #expect(file.nodes[1].instruction == nil)
    }

    @Test func instructionOwnsContinuationCommentsEmptyLinesAndHeredocs() throws {
        let text = """
            FROM a
            RUN echo one \\
            # dropped by BuildKit

                two
            COPY <<EOF /x
            body
            EOF
            # after

            """
        let file = try Fixture.parse(text)
        #expect(Self.kinds(file) == [.instruction, .instruction, .instruction, .comment])
        let run = file.instructions[1]
        #expect(Fixture.text(file, run.range) == "RUN echo one \\\n# dropped by BuildKit\n\n    two\n")
        #expect(run.continuationComments.map { Fixture.text(file, $0) } == ["# dropped by BuildKit\n"])
        #expect(run.emptyContinuationLines.map { Fixture.text(file, $0) } == ["\n"])
        #expect(run.text.string == "RUN echo one     two")
        let copy = file.instructions[2]
        #expect(Fixture.text(file, copy.range) == "COPY <<EOF /x\nbody\nEOF\n")
        for instruction in file.instructions { #expect(ownershipProblem(instruction) == nil) }
    }

    @Test func leadingBlanksBelongToTheInstruction() throws {
        let file = try Fixture.parse("FROM a\n \t RUN x\n")
        let run = file.instructions[1]
        #expect(Fixture.text(file, run.range) == " \t RUN x\n")
        #expect(run.keywordSourceRange == 10..<13)
    }

    @Test func lastLineWithoutTerminator() throws {
        let text = "FROM a\nRUN x"
        let file = try Fixture.parse(text)
        #expect(file.instructions[1].range == 7..<12)
        #expect(losslessnessProblem(file, Array(text.utf8)) == nil)
    }

    @Test func emptyFileHasNoNodes() throws {
        let file = try Dockerfile.parse([UInt8]())
        #expect(file.nodes.isEmpty)
        #expect(file.printed().isEmpty)
        #expect(file.error?.message == "file with no instructions")
    }

    @Test func bomAloneIsItsOwnNode() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        let file = try Dockerfile.parse(bytes)
        #expect(file.printed() == bytes)
        do {
            #expect(Self.kinds(file) == [.bom])
            #expect(losslessnessProblem(file, bytes) == nil)
        }
    }

    @Test func bomIsOnlyRecognisedAtTheStart() throws {
        let text = "FROM a\n\u{FEFF}RUN x\n"
        let file = try Fixture.parse(text)
        #expect(!file.hasByteOrderMark)
        #expect(file.instructions[1].keyword == "\u{FEFF}RUN")
        #expect(file.instructions[1].kind == .unknown)
    }

    @Test func crlfIsDetectedFromTheFirstLine() throws {
        #expect(try Fixture.parse("FROM a\r\nRUN b\n").usesCRLF)
        #expect(try !Fixture.parse("FROM a\nRUN b\r\n").usesCRLF)
        #expect(try !Fixture.parse("FROM a").usesCRLF)
    }

    @Test func crlfInstructionsExcludeTheCarriageReturnFromTheirText() throws {
        let file = try Fixture.parse("FROM a\r\nRUN echo \\\r\n  b\r\n")
        let run = file.instructions[1]
        #expect(run.text.string == "RUN echo   b")
        #expect(Fixture.text(file, run.range) == "RUN echo \\\r\n  b\r\n")
        #expect(run.logicalEndSourceOffset == file.source.bytes.count - 2)
    }

    @Test func instructionsAreTheInstructionNodesInOrder() throws {
        let file = try Fixture.parse("# c\nFROM a\n\nRUN b\nCMD c\n")
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "CMD"])
        #expect(file.instructions.map(\.startLine) == [2, 4, 5])
    }

    @Test(
        "every byte is covered in order",
        arguments: [
            "", "\n", "\r\n", "#", "# c", "\u{FEFF}\n", "FROM a", "FROM a\n\n\n", "RUN a \\", "RUN a \\\n",
            "RUN <<EOF", "RUN <<EOF\n", "RUN <<EOF\nEOF", "# escape=`\nRUN a `\n", "  \t\n",
            "ONBUILD RUN <<A\nA\n",
            "RUN a \\\n# c\n\n", "FROM a\r\n\r\n# c\r\nRUN b \\\r\n c\r\n",
        ])
    func coverage(_ text: String) throws {
        let file = try Fixture.parse(text)
        #expect(losslessnessProblem(file, Array(text.utf8)) == nil)
        for instruction in file.instructions { #expect(ownershipProblem(instruction) == nil) }
    }
}
