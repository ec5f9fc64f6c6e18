import Testing
import WhittleSyntax

/// Builder flags (`--name[=value]` before the arguments), as BuildKit's `extractBuilderFlags`.
@Suite("Flags")
struct FlagTests {
    @Test func nameAndValue() {
        let flag = Flag(text: "--mount=type=cache,target=/root/.cache", range: 0..<0)
        #expect(flag.name == "mount")
        #expect(flag.value == "type=cache,target=/root/.cache")
        let bare = Flag(text: "--link", range: 0..<0)
        #expect(bare.name == "link")
        #expect(bare.value == nil)
        let empty = Flag(text: "--chmod=", range: 0..<0)
        #expect(empty.value == "")
    }

    @Test func flagsOfCopy() throws {
        let copy = try Fixture.instruction(
            "COPY --from=build --chown=1:1 --chmod=0755 --link --parents --exclude=*.md a b\n")
        #expect(copy.flags.map(\.name) == ["from", "chown", "chmod", "link", "parents", "exclude"])
        #expect(copy.flag("from")?.value == "build")
        #expect(copy.flag("link")?.value == nil)
        #expect(copy.value == ["a", "b"])
    }

    @Test func flagsOfAdd() throws {
        let add = try Fixture.instruction(
            "ADD --checksum=sha256:abc --keep-git-dir=true https://x/y.git /y\n")
        #expect(add.flags.map(\.name) == ["checksum", "keep-git-dir"])
        #expect(add.flag("checksum")?.value == "sha256:abc")
    }

    @Test func repeatedFlagsAndTheLastOneWins() throws {
        let run = try Fixture.instruction(
            "RUN --mount=type=cache,target=/a --mount=type=bind,target=/b --network=none x\n")
        #expect(run.flags(named: "mount").map(\.value) == ["type=cache,target=/a", "type=bind,target=/b"])
        #expect(run.flag("mount")?.value == "type=bind,target=/b")
        #expect(run.flag("security") == nil)
    }

    @Test func flagRangesPointAtTheFlagAsWritten() throws {
        let run = try Fixture.instruction(#"RUN --mount="type=secret,id=a" --network=host x"#)
        #expect(run.flags.map(\.text) == ["--mount=type=secret,id=a", "--network=host"])
        #expect(
            run.flags.map { run.text.string($0.range) } == [#"--mount="type=secret,id=a""#, "--network=host"])
    }

    @Test func doubleDashEndsTheFlags() throws {
        let run = try Fixture.instruction("RUN --network=none -- --mount=x echo\n")
        #expect(run.flags.map(\.text) == ["--network=none"])
        #expect(run.arguments == "--mount=x echo")
        let leading = try Fixture.instruction("RUN -- --mount=x echo\n")
        #expect(leading.flags.isEmpty)
        #expect(leading.value == ["--mount=x echo"])
    }

    @Test func aSingleDashIsNotAFlag() throws {
        let run = try Fixture.instruction("RUN -x --y z\n")
        #expect(run.flags.isEmpty)
        #expect(run.arguments == "-x --y z")
    }

    @Test func flagsAcrossAContinuation() throws {
        let file = try Fixture.parse(
            "FROM a\nRUN --mount=type=cache,target=/a \\\n    --network=none \\\n    make\n")
        let run = file.instructions[1]
        #expect(run.flags.map(\.name) == ["mount", "network"])
        #expect(run.arguments == "make")
        #expect(Fixture.text(file, run.text.sourceRange(ofLogical: run.flags[1].range)) == "--network=none")
    }

    @Test func flagsOfFromAndHealthcheck() throws {
        let from = try Fixture.instruction("FROM --platform=$BUILDPLATFORM x AS y\n")
        #expect(from.flag("platform")?.value == "$BUILDPLATFORM")
        let healthcheck = try Fixture.instruction(
            "HEALTHCHECK --interval=5s --timeout=1s --start-period=2s --start-interval=1s --retries=2 CMD true\n"
        )
        #expect(
            healthcheck.flags.map(\.name) == [
                "interval", "timeout", "start-period", "start-interval", "retries",
            ])
    }
}
