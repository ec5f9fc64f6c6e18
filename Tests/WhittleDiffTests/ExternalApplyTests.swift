import Testing
import WhittleDiff

@Suite("Applying with patch and git apply")
struct ExternalApplyTests {
    static let path = "Dockerfile"

    @Test(
        "patch -p1 reproduces the new file", .enabled(if: ExternalTools.hasPatch), arguments: DiffFixture.all)
    func patchApplies(_ fixture: DiffFixture) throws {
        let diff = UnifiedDiff.make(
            old: fixture.old, new: fixture.new, oldPath: Self.path, newPath: Self.path,
            context: fixture.context)
        let result = try ExternalTools.applyWithPatch(old: fixture.old, diff: diff, path: Self.path)
        #expect(result == fixture.new)
    }

    @Test("git apply reproduces the new file", .enabled(if: ExternalTools.hasGit), arguments: DiffFixture.all)
    func gitApplies(_ fixture: DiffFixture) throws {
        let diff = UnifiedDiff.make(
            old: fixture.old, new: fixture.new, oldPath: Self.path, newPath: Self.path,
            context: fixture.context)
        let result = try ExternalTools.applyWithGit(
            old: fixture.old, diff: diff, path: Self.path, unidiffZero: fixture.context == 0)
        #expect(result == fixture.new)
    }

    @Test("hunks match GNU diff -U output", .enabled(if: ExternalTools.hasDiff), arguments: DiffFixture.all)
    func matchesGNUDiff(_ fixture: DiffFixture) throws {
        let hunks = LineDiff.hunks(old: fixture.old, new: fixture.new, context: fixture.context)
        let ours = hunks.flatMap(\.unifiedBytes)
        let gnu = try ExternalTools.gnuDiffHunks(old: fixture.old, new: fixture.new, context: fixture.context)
        #expect(ours == gnu)
    }

    @Test("nested paths apply", .enabled(if: ExternalTools.hasPatch && ExternalTools.hasGit))
    func nestedPath() throws {
        let old = Array("FROM alpine\nRUN apk add curl\n".utf8)
        let new = Array("FROM alpine:3.20\nRUN apk add --no-cache curl\n".utf8)
        let diff = UnifiedDiff.make(
            old: old, new: new, oldPath: "docker/Dockerfile", newPath: "docker/Dockerfile")
        #expect(try ExternalTools.applyWithPatch(old: old, diff: diff, path: "docker/Dockerfile") == new)
        #expect(try ExternalTools.applyWithGit(old: old, diff: diff, path: "docker/Dockerfile") == new)
    }
}
