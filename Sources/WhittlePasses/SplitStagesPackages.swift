/// Which system packages a build needs only to build, and which the program may need at run time.
/// When in doubt a package counts as a runtime one (it is kept, or the split is refused).
enum SplitStagesPackages {
    enum Role: Equatable {
        /// Compilers, build tools, version control: not needed by the artifact.
        case buildOnly
        /// Development headers (`libpq-dev`): the artifact needs the matching library, whose
        /// package name whittle cannot tell.
        case headers
        /// Provided by every runtime base whittle chooses for this purpose (CA certificates, tzdata)
        /// unless the base lacks them.
        case certificatesOrZoneData
        /// Anything else: kept in the runtime stage.
        case runtime
    }

    static let buildOnly: Set<String> = [
        "build-essential", "build-base", "gcc", "g++", "cpp", "make", "cmake", "ninja-build", "ninja",
        "meson",
        "autoconf", "automake", "libtool", "pkg-config", "pkgconf", "pkgconfig", "git", "clang", "llvm",
        "lld",
        "binutils", "bison", "flex", "patch", "musl-tools", "golang", "golang-go", "cargo", "rustc", "maven",
        "gradle", "nodejs-dev", "upx", "upx-ucl", "protobuf-compiler", "dpkg-dev", "fakeroot", "mercurial",
        "subversion", "libc6-dev", "libc-dev", "musl-dev", "linux-libc-dev", "linux-headers",
    ]
    static let certificates: Set<String> = ["ca-certificates", "tzdata"]

    /// The package name without a version pin or architecture (`curl=7.88.*` → `curl`).
    static func name(_ spec: String) -> String {
        var s = Substring(spec)
        if let i = s.firstIndex(where: { $0 == "=" || $0 == ":" }) { s = s[..<i] }
        return String(s)
    }

    static func role(_ spec: String) -> Role {
        let n = name(spec)
        if buildOnly.contains(n) { return .buildOnly }
        if n.hasSuffix("-dev") || n.hasSuffix("-devel") || n.hasSuffix("-headers") || n == "linux-headers" {
            return .headers
        }
        if certificates.contains(n) { return .certificatesOrZoneData }
        return .runtime
    }
}
