import Testing
import WhittleSyntax

/// The stage view: FROM boundaries, aliases, global ARGs and the stages of the final image.
@Suite("Stages")
struct StageTests {
    static let text = """
        # syntax=docker/dockerfile:1
        ARG GO=1.22
        ARG BASE=alpine:3.20
        FROM --platform=$BUILDPLATFORM golang:${GO} AS Build
        RUN go build -o /app
        FROM build AS test
        RUN go test ./...
        FROM ${BASE}
        COPY --from=build /app /app
        CMD ["/app"]

        """

    @Test func stageBoundaries() throws {
        let file = try Fixture.parse(Self.text)
        let stages = file.stages
        #expect(stages.map(\.index) == [0, 1, 2])
        #expect(
            stages.map { $0.instructions.map(\.keyword) } == [
                ["FROM", "RUN"], ["FROM", "RUN"], ["FROM", "COPY", "CMD"],
            ])
        #expect(stages.map(\.baseImage) == ["golang:${GO}", "build", "${BASE}"])
        #expect(stages.map(\.alias) == ["Build", "test", nil])
        #expect(stages[0].platform == "$BUILDPLATFORM")
        #expect(stages[2].platform == nil)
        #expect(Fixture.text(file, stages[1].range) == "FROM build AS test\nRUN go test ./...\n")
    }

    @Test func namesCompareCaseInsensitivelyAndByIndex() throws {
        let stages = try Fixture.parse(Self.text).stages
        #expect(stages[0].isNamed("build"))
        #expect(stages[0].isNamed("BUILD"))
        #expect(stages[0].isNamed("0"))
        #expect(!stages[0].isNamed("1"))
        #expect(stages[2].isNamed("2"))
    }

    @Test func globalArguments() throws {
        let file = try Fixture.parse(Self.text)
        #expect(file.globalArguments.map(\.arguments) == ["GO=1.22", "BASE=alpine:3.20"])
        #expect(file.globalArgumentDefaults == ["GO": "1.22", "BASE": "alpine:3.20"])
        let stages = file.stages
        #expect(file.resolvedBaseImage(of: stages[0]).value == "golang:1.22")
        #expect(file.resolvedBaseImage(of: stages[2]).value == "alpine:3.20")
    }

    @Test func unresolvedBaseImage() throws {
        let file = try Fixture.parse("ARG TAG\nFROM node:${TAG}\n")
        let resolved = file.resolvedBaseImage(of: file.stages[0])
        #expect(resolved.unresolved == ["TAG"])
    }

    @Test func laterGlobalArgWins() throws {
        let file = try Fixture.parse("ARG V=1\nARG V=2\nFROM a:$V\n")
        #expect(file.globalArgumentDefaults["V"] == "2")
    }

    @Test func parentStagesAndTheFinalImage() throws {
        let file = try Fixture.parse(Self.text)
        let stages = file.stages
        #expect(file.parentStage(of: stages[1])?.index == 0)
        #expect(file.parentStage(of: stages[0]) == nil)
        #expect(file.finalImageStages == [2])
        let chained = try Fixture.parse("FROM a AS one\nFROM one AS two\nFROM two\n")
        #expect(chained.finalImageStages == [0, 1, 2])
    }

    @Test func aStageCannotBuildOnALaterOne() throws {
        let file = try Fixture.parse("FROM later\nFROM b AS later\n")
        #expect(file.parentStage(of: file.stages[0]) == nil)
    }

    @Test func stageContainingAnOffset() throws {
        let file = try Fixture.parse(Self.text)
        let copy = file.instructions.first { $0.kind == .copy }!
        #expect(file.stage(containing: copy.range.lowerBound)?.index == 2)
        #expect(file.stage(containing: 0) == nil, "the directive is before every stage")
    }

    @Test func noStagesWithoutFrom() throws {
        let file = try Fixture.parse("ARG A\nRUN x\n")
        #expect(file.stages.isEmpty)
        #expect(file.finalImageStages.isEmpty)
    }

    @Test func instructionsBeforeTheFirstFromBelongToNoStage() throws {
        let file = try Fixture.parse("ARG A=1\nFROM x\nRUN y\n")
        #expect(file.stages.count == 1)
        #expect(file.stages[0].instructions.map(\.keyword) == ["FROM", "RUN"])
    }
}
