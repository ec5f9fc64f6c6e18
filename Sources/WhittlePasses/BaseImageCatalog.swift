/// What whittle knows about common base images: per family and variant, the C library, whether a
/// shell and a package manager are present, CA certificates, time-zone data, the default user and
/// a typical compressed size for linux/amd64.
///
/// The sizes are approximate typical figures (Docker Hub and registry tag pages, 2024-2025); they
/// are only used to estimate savings. See Docs/BaseImages.md for the sources and how to refresh
/// them with `crane` or `docker manifest inspect`.
public enum BaseImageCatalog {
    /// The date the table was taken.
    public static let date = "2025-06"
    /// Where the sizes come from.
    public static let source =
        "Docker Hub / gcr.io / mcr.microsoft.com tag pages, compressed linux/amd64, typical as of 2024-2025, approximate"

    public enum LibC: String, Sendable {
        case glibc, musl
        /// No C library at all (scratch, distroless static).
        case none
    }

    /// Facts about one variant of a family.
    public struct Facts: Sendable, Equatable {
        public let family: BaseImageFamily
        public let variant: BaseImageVariant
        public let libc: LibC
        public let hasShell: Bool
        /// `apt`, `apk`, `microdnf` or nil.
        public let packageManager: String?
        public let caCertificates: Bool
        public let tzdata: Bool
        public let defaultUser: String
        /// Typical compressed size for linux/amd64, in MB (approximate).
        public let sizeMB: Int
        /// Compilers and headers (gcc, make, libc headers) are present.
        public let hasCompilers: Bool
        /// Common tools of the full images that the leaner variants lack.
        public let hasCurlAndGit: Bool

        public var bytes: Int { sizeMB * 1_000_000 }
    }

    private static func f(
        _ family: BaseImageFamily, _ variant: BaseImageVariant, _ libc: LibC, shell: Bool, pm: String?,
        ca: Bool, tz: Bool, user: String = "root", mb: Int, compilers: Bool = false, tools: Bool = false
    ) -> Facts {
        Facts(
            family: family, variant: variant, libc: libc, hasShell: shell, packageManager: pm,
            caCertificates: ca,
            tzdata: tz, defaultUser: user, sizeMB: mb, hasCompilers: compilers, hasCurlAndGit: tools)
    }

    /// The table. Full Debian-based language images are built on `buildpack-deps` (compilers,
    /// headers, curl, git); `-slim` is `debian:*-slim` plus the runtime; `-alpine` is musl.
    public static let table: [Facts] = [
        f(
            .python, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 370, compilers: true,
            tools: true),
        f(.python, .slim, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 45),
        f(.python, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 18),
        f(
            .node, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 390, compilers: true,
            tools: true),
        // node's slim image purges ca-certificates after its own build; Node.js bundles its CA store.
        f(.node, .slim, .glibc, shell: true, pm: "apt", ca: false, tz: true, mb: 70),
        f(.node, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 45),
        f(
            .golang, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 300, compilers: true,
            tools: true),
        f(.golang, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 75, compilers: true),
        f(
            .rust, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 540, compilers: true,
            tools: true),
        f(.rust, .slim, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 250, compilers: true),
        f(.rust, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 280, compilers: true),
        f(
            .eclipseTemurin, .jdk, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 190,
            compilers: true),
        f(.eclipseTemurin, .jre, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 90),
        f(
            .eclipseTemurin, .jdkAlpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 160,
            compilers: true),
        f(.eclipseTemurin, .jreAlpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 65),
        f(.openjdk, .full, .glibc, shell: true, pm: "microdnf", ca: true, tz: true, mb: 240, compilers: true),
        f(.openjdk, .slim, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 210, compilers: true),
        f(
            .maven, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 260, compilers: true,
            tools: true),
        f(
            .gradle, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 360, compilers: true,
            tools: true),
        f(
            .ruby, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 360, compilers: true,
            tools: true),
        f(.ruby, .slim, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 65),
        f(.ruby, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 35),
        f(.php, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 180),
        f(.php, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 35),
        f(
            .dotnetSDK, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 280, compilers: true,
            tools: true),
        f(.dotnetASPNET, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 90),
        f(.dotnetASPNET, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 45),
        f(.dotnetASPNET, .chiseled, .glibc, shell: false, pm: nil, ca: true, tz: false, user: "app", mb: 50),
        f(.dotnetRuntime, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 80),
        f(.dotnetRuntime, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 38),
        f(.dotnetRuntime, .chiseled, .glibc, shell: false, pm: nil, ca: true, tz: false, user: "app", mb: 40),
        f(.debian, .full, .glibc, shell: true, pm: "apt", ca: false, tz: true, mb: 49),
        f(.debian, .slim, .glibc, shell: true, pm: "apt", ca: false, tz: true, mb: 29),
        f(.ubuntu, .full, .glibc, shell: true, pm: "apt", ca: false, tz: false, mb: 30),
        f(.alpine, .full, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 4),
        f(.nginx, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 70),
        f(.nginx, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: true, mb: 20),
        f(.httpd, .full, .glibc, shell: true, pm: "apt", ca: true, tz: true, mb: 58),
        f(.httpd, .alpine, .musl, shell: true, pm: "apk", ca: true, tz: false, mb: 23),
        f(.distrolessStatic, .full, .none, shell: false, pm: nil, ca: true, tz: true, mb: 2),
        f(.distrolessBase, .full, .glibc, shell: false, pm: nil, ca: true, tz: true, mb: 20),
        f(.distrolessCC, .full, .glibc, shell: false, pm: nil, ca: true, tz: true, mb: 23),
        f(.distrolessPython, .full, .glibc, shell: false, pm: nil, ca: true, tz: true, mb: 18),
        f(.distrolessNode, .full, .glibc, shell: false, pm: nil, ca: true, tz: true, mb: 45),
        f(.distrolessJava, .full, .glibc, shell: false, pm: nil, ca: true, tz: true, mb: 80),
        f(.scratch, .full, .none, shell: false, pm: nil, ca: false, tz: false, mb: 0),
    ]

    /// The facts of a family's variant, if catalogued.
    public static func facts(_ family: BaseImageFamily, _ variant: BaseImageVariant) -> Facts? {
        table.first { $0.family == family && $0.variant == variant }
    }
}

/// An image family: images that share a repository and a tag grammar.
public enum BaseImageFamily: String, Sendable, CaseIterable {
    case python, node, golang, rust, ruby, php, debian, ubuntu, alpine, nginx, httpd, scratch
    case eclipseTemurin = "eclipse-temurin"
    case openjdk, maven, gradle
    case dotnetSDK = "dotnet/sdk"
    case dotnetASPNET = "dotnet/aspnet"
    case dotnetRuntime = "dotnet/runtime"
    case distrolessStatic = "distroless/static"
    case distrolessBase = "distroless/base"
    case distrolessCC = "distroless/cc"
    case distrolessPython = "distroless/python3"
    case distrolessNode = "distroless/nodejs"
    case distrolessJava = "distroless/java"

    public var isDistroless: Bool { rawValue.hasPrefix("distroless/") }
}

/// A variant of a family, as the tag selects it.
public enum BaseImageVariant: String, Sendable, CaseIterable {
    /// The default variant (for Debian-based language images: buildpack-deps with compilers).
    case full
    case slim, alpine, jdk, jre
    case jdkAlpine = "jdk-alpine"
    case jreAlpine = "jre-alpine"
    /// Ubuntu chiseled .NET images: no shell, no package manager.
    case chiseled
}
