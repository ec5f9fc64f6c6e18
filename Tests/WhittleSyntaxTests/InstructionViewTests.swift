import Testing
import WhittleSyntax

/// The typed view of one instruction: keyword, kind, arguments, BuildKit's value list, lines.
@Suite("Instruction view")
struct InstructionViewTests {
    @Test func keywordIsKeptAsWrittenAndKindIsCaseInsensitive() throws {
        let file = try Fixture.parse("from a\nRun b\ncOpY c d\nFOO bar\n")
        #expect(file.instructions.map(\.keyword) == ["from", "Run", "cOpY", "FOO"])
        #expect(file.instructions.map(\.kind) == [.from, .run, .copy, .unknown])
    }

    @Test(arguments: InstructionKind.allCases.filter { $0 != .unknown })
    func everyKindIsRecognised(_ kind: InstructionKind) {
        #expect(InstructionKind(keyword: kind.rawValue.uppercased()) == kind)
        #expect(InstructionKind(keyword: kind.rawValue) == kind)
    }

    @Test func heredocCapableKinds() {
        let capable = InstructionKind.allCases.filter(\.canContainHeredoc)
        #expect(Set(capable) == [.run, .copy, .add])
    }

    @Test func argumentsAreTheLogicalTextAfterTheFlags() throws {
        let run = try Fixture.instruction("RUN --network=none   apk add curl   \n")
        #expect(run.arguments == "apk add curl")
        #expect(run.text.string(run.keywordRange) == "RUN")
        #expect(run.flags.map(\.text) == ["--network=none"])
    }

    @Test func argumentsSourceRangeSpansContinuations() throws {
        let text = "FROM a\nRUN apk add \\\n    curl \\\n# comment\n    jq\n"
        let file = try Fixture.parse(text)
        let run = file.instructions[1]
        #expect(run.arguments == "apk add     curl     jq")
        let source = run.argumentsSourceRange
        #expect(Fixture.text(file, source) == "apk add \\\n    curl \\\n# comment\n    jq")
        #expect(!run.text.isContiguous(run.argumentsRange))
        #expect(run.isMultiline)
        #expect(run.startLine == 2 && run.endLine == 5)
    }

    @Test func keywordSourceRangeAndLogicalEnd() throws {
        let text = "FROM a\n  RUN echo hi\nCMD x"
        let file = try Fixture.parse(text)
        let run = file.instructions[1]
        #expect(Fixture.text(file, run.keywordSourceRange) == "RUN")
        #expect(run.logicalEndSourceOffset == text.utf8.count - 6, "before the newline of line 2")
        let cmd = file.instructions[2]
        #expect(cmd.logicalEndSourceOffset == text.utf8.count)
        #expect(!cmd.isMultiline)
    }

    @Test func logicalEndIsBeforeHeredocBodies() throws {
        let text = "FROM a\nRUN <<EOF\nbody\nEOF\n"
        let file = try Fixture.parse(text)
        let run = file.instructions[1]
        #expect(run.logicalEndSourceOffset == 16)
        #expect(run.startLine == 2 && run.endLine == 4)
    }

    @Test func shellFormIsOneValue() throws {
        let run = try Fixture.instruction("RUN echo \"a  b\" && ls\n")
        #expect(run.value == ["echo \"a  b\" && ls"])
        #expect(!run.isJSON)
        #expect(run.valueRanges == [run.argumentsRange])
    }

    @Test func execFormValuesAndStringLiteralRanges() throws {
        let cmd = try Fixture.instruction(#"CMD ["a b", "c\"d"]"#)
        #expect(cmd.isJSON)
        #expect(cmd.value == ["a b", "c\"d"])
        let ranges = try #require(cmd.valueRanges)
        #expect(ranges.map { cmd.text.string($0) } == [#""a b""#, #""c\"d""#])
    }

    @Test func invalidJSONFallsBackToShellForm() throws {
        let cmd = try Fixture.instruction("CMD [not json]")
        #expect(!cmd.isJSON)
        #expect(cmd.value == ["[not json]"])
    }

    @Test func textAfterTheJSONArrayIsIgnored() throws {
        let cmd = try Fixture.instruction(#"CMD ["a"] trailing"#)
        #expect(cmd.isJSON)
        #expect(cmd.value == ["a"])
    }

    @Test func whitespaceDelimitedValues() throws {
        let from = try Fixture.instruction("FROM --platform=linux/amd64 golang:1.22 AS build\n")
        #expect(from.value == ["golang:1.22", "AS", "build"])
        #expect(from.valueRanges?.map { from.text.string($0) } == ["golang:1.22", "AS", "build"])
        let expose = try Fixture.instruction("EXPOSE 80\t443/tcp\n")
        #expect(expose.value == ["80", "443/tcp"])
    }

    @Test func singleValueInstructions() throws {
        #expect(try Fixture.instruction("WORKDIR /a b\n").value == ["/a b"])
        #expect(try Fixture.instruction("USER 1000:1000\n").value == ["1000:1000"])
        #expect(try Fixture.instruction("STOPSIGNAL SIGKILL\n").value == ["SIGKILL"])
        #expect(try Fixture.instruction("MAINTAINER a <b@c>\n").value == ["a <b@c>"])
        #expect(try Fixture.instruction("WORKDIR\n").value == [])
    }

    @Test func envLabelAndArgValues() throws {
        #expect(try Fixture.instruction("ENV A=1 B=\"x y\"\n").value == ["A", "1", "B", "\"x y\""])
        #expect(
            try Fixture.instruction("ENV KEY some   spaced value\n").value == ["KEY", "some   spaced value"])
        #expect(try Fixture.instruction("LABEL a=b\n").value == ["a", "b"])
        #expect(try Fixture.instruction("ARG A B=2\n").value == ["A", "B=2"])
    }

    @Test func healthcheckValues() throws {
        let shell = try Fixture.instruction("HEALTHCHECK --retries=3 CMD curl -f http://x/\n")
        #expect(shell.value == ["CMD", "curl -f http://x/"])
        #expect(shell.flag("retries")?.value == "3")
        let exec = try Fixture.instruction(#"HEALTHCHECK CMD ["curl", "-f"]"#)
        #expect(exec.value == ["CMD", "curl", "-f"])
        #expect(exec.isJSON)
        #expect(try Fixture.instruction("HEALTHCHECK NONE\n").value == ["NONE"])
    }

    @Test func unknownInstructionIsKept() throws {
        let foo = try Fixture.instruction("FOO --x=1 bar baz\n")
        #expect(foo.kind == .unknown)
        #expect(foo.keyword == "FOO")
        #expect(foo.arguments == "bar baz")
        #expect(foo.value == [""])
        #expect(foo.flags.map(\.text) == ["--x=1"])
    }

    @Test func onbuildTrigger() throws {
        let onbuild = try Fixture.instruction("ONBUILD COPY --from=x a b\n")
        #expect(onbuild.kind == .onbuild)
        let trigger = try #require(onbuild.trigger)
        #expect(trigger.kind == .copy)
        #expect(trigger.flags.map(\.text) == ["--from=x"])
        #expect(trigger.value == ["a", "b"])
        #expect(onbuild.value == ["a", "b"])
        #expect(trigger.range == onbuild.range)
        #expect(onbuild.text.string(trigger.keywordRange) == "COPY")
    }

    @Test func nestedOnbuild() throws {
        let outer = try Fixture.instruction("ONBUILD ONBUILD RUN x\n")
        let inner = try #require(outer.trigger)
        #expect(inner.kind == .onbuild)
        #expect(inner.trigger?.kind == .run)
        #expect(outer.value == [""])
        let bare = try Fixture.instruction("ONBUILD\n")
        #expect(bare.trigger == nil)
        #expect(bare.value == [])
    }

    @Test func continuationOnlyInstructionMapsInsideItself() throws {
        // A line holding only the escape character starts an instruction with an empty logical
        // line (BuildKit: an instruction with keyword "" on lines 2-3).
        let file = try Fixture.parse("FROM a\n \\\n\n")
        let empty = file.instructions[1]
        #expect(empty.keyword == "")
        #expect(empty.range == 7..<11)
        do {
            #expect(empty.range.contains(empty.keywordSourceRange.lowerBound))
            #expect(empty.range.contains(empty.logicalEndSourceOffset))
        }
    }
}
