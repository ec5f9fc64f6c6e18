import Testing

@testable import WhittlePasses

@Suite("Base image catalog and tag grammar")
struct BaseImageTests {
    static func parsed(_ image: String) -> BaseImageTag? {
        ImageReference(image).flatMap(BaseImageTags.parse)
    }

    static func leaner(_ image: String, _ variant: BaseImageVariant) -> String? {
        parsed(image).flatMap { BaseImageTags.tag($0, as: variant) }
    }

    @Test func referencesAreRead() throws {
        let r = try #require(ImageReference("localhost:5000/team/app:1.2@sha256:abc"))
        #expect(r.registry == "localhost:5000")
        #expect(r.repository == "team/app")
        #expect(r.tag == "1.2")
        #expect(r.digest == "sha256:abc")
        #expect(ImageReference("docker.io/library/python:3.11")?.officialName == "python")
        #expect(ImageReference("python")?.tag == nil)
        #expect(ImageReference("python:${V}") == nil)
        #expect(
            ImageReference("mcr.microsoft.com/dotnet/sdk:8.0")?.withTag("8.0-alpine")
                == "mcr.microsoft.com/dotnet/sdk:8.0-alpine")
    }

    @Test(arguments: [
        ("python:3.11", BaseImageFamily.python), ("library/node:20", .node), ("golang:1.22-alpine", .golang),
        ("rust:1.78-slim", .rust), ("eclipse-temurin:21-jre", .eclipseTemurin), ("openjdk:17", .openjdk),
        ("maven:3.9-eclipse-temurin-21", .maven), ("gradle:8.7-jdk17", .gradle), ("ruby:3.3", .ruby),
        ("php:8.3-fpm", .php), ("mcr.microsoft.com/dotnet/sdk:8.0", .dotnetSDK),
        ("mcr.microsoft.com/dotnet/aspnet:8.0", .dotnetASPNET),
        ("mcr.microsoft.com/dotnet/runtime:8.0", .dotnetRuntime),
        ("debian:bookworm", .debian), ("ubuntu:22.04", .ubuntu), ("alpine:3.20", .alpine),
        ("nginx:1.27", .nginx),
        ("httpd:2.4", .httpd), ("gcr.io/distroless/static-debian12", .distrolessStatic),
        ("gcr.io/distroless/base-debian12:nonroot", .distrolessBase),
        ("gcr.io/distroless/cc-debian12:debug", .distrolessCC),
        ("gcr.io/distroless/python3-debian12", .distrolessPython),
        ("gcr.io/distroless/nodejs20-debian12", .distrolessNode),
        ("gcr.io/distroless/java21-debian12", .distrolessJava), ("scratch", .scratch),
    ])
    func familiesAreRecognised(image: String, family: BaseImageFamily) throws {
        let reference = try #require(ImageReference(image))
        #expect(BaseImageTags.family(of: reference) == family)
        #expect(BaseImageTags.parse(reference) != nil, "\(image) follows its grammar")
    }

    @Test(arguments: [
        "myorg/python:3.11", "quay.io/python:3.11", "gcr.io/distroless/unknown-debian12", "busybox:1.36",
    ])
    func unknownImagesHaveNoFamily(image: String) throws {
        #expect(BaseImageTags.family(of: try #require(ImageReference(image))) == nil)
    }

    /// Tags that do not exist in the family's grammar are not read (so nothing is built from them).
    @Test(arguments: [
        "ubuntu:22.04-slim", "ubuntu:jammy-slim", "golang:1.22-slim", "python:3.11-foo", "debian:latest-slim",
        "debian:bookworm-fat", "alpine:3.20-slim", "php:8.3-apache-alpine", "nginx:1.27-slim",
        "node:20-slim-bookworm",
        "python:3.11-bookworm-slim", "eclipse-temurin:21-jre-bullseye",
        "mcr.microsoft.com/dotnet/sdk:8.0-jammy-chiseled",
        "gcr.io/distroless/static-debian12:3.0", "httpd:2.4-slim",
    ])
    func invalidTagsAreRejected(image: String) {
        #expect(Self.parsed(image) == nil, "\(image) is not a published tag")
    }

    @Test(arguments: [
        ("python:3.11", BaseImageVariant.slim, "3.11-slim"),
        ("python:3.11.9", .slim, "3.11.9-slim"),
        ("python:3.11-bookworm", .slim, "3.11-slim-bookworm"),
        ("python", .slim, "slim"),
        ("python:latest", .alpine, "alpine"),
        ("python:3.12", .alpine, "3.12-alpine"),
        ("node:20", .slim, "20-slim"),
        ("node:20-bookworm", .slim, "20-bookworm-slim"),
        ("node:lts", .slim, "lts-slim"),
        ("ruby:3.3-bullseye", .slim, "3.3-slim-bullseye"),
        ("rust:1.78", .slim, "1.78-slim"),
        ("golang:1.22", .alpine, "1.22-alpine"),
        ("debian:bookworm", .slim, "bookworm-slim"),
        ("debian:12", .slim, "12-slim"),
        ("debian:bookworm-20240513", .slim, "bookworm-20240513-slim"),
        ("debian:latest", .slim, "stable-slim"),
        ("nginx:1.27", .alpine, "1.27-alpine"),
        ("nginx:1.27-perl", .alpine, "1.27-alpine-perl"),
        ("httpd:2.4", .alpine, "2.4-alpine"),
        ("php:8.3", .alpine, "8.3-alpine"),
        ("php:8.3-fpm", .alpine, "8.3-fpm-alpine"),
        ("php:8.3-cli-bookworm", .alpine, "8.3-cli-alpine"),
        ("eclipse-temurin:21", .jre, "21-jre"),
        ("eclipse-temurin:21-jdk-jammy", .jre, "21-jre-jammy"),
        ("eclipse-temurin:21-jdk-alpine", .jreAlpine, "21-jre-alpine"),
        ("openjdk:17", .slim, "17-slim"),
        ("openjdk:17-jdk", .slim, "17-jdk-slim"),
        ("openjdk:17-jdk-bullseye", .slim, "17-jdk-slim-bullseye"),
        ("mcr.microsoft.com/dotnet/aspnet:8.0", .chiseled, "8.0-jammy-chiseled"),
        ("mcr.microsoft.com/dotnet/aspnet:9.0", .chiseled, "9.0-noble-chiseled"),
        ("mcr.microsoft.com/dotnet/runtime:8.0.5", .chiseled, "8.0.5-jammy-chiseled"),
    ])
    func leanerTagsKeepTheVersion(image: String, variant: BaseImageVariant, expected: String) {
        #expect(Self.leaner(image, variant) == expected)
    }

    @Test(arguments: [
        ("ubuntu:22.04", BaseImageVariant.slim), ("golang:1.22", .slim), ("php:8.3-apache", .alpine),
        ("alpine:3.20", .slim), ("eclipse-temurin:latest", .jre),
        ("mcr.microsoft.com/dotnet/aspnet:latest", .chiseled),
        ("openjdk:latest", .slim), ("httpd:2.4", .slim), ("debian:bookworm", .alpine),
    ])
    func noTagIsInvented(image: String, variant: BaseImageVariant) {
        #expect(Self.leaner(image, variant) == nil, "\(image) has no \(variant) tag")
    }

    @Test func versionsAndVariantsAreRead() throws {
        let python = try #require(Self.parsed("python:3.12-slim-bookworm"))
        #expect(python.version == "3.12" && python.variant == .slim && python.distro == "bookworm")
        let maven = try #require(Self.parsed("maven:3.9.6-eclipse-temurin-21-alpine"))
        #expect(maven.runtimeVersion == "21" && maven.variant == .alpine)
        #expect(Self.parsed("gradle:8.7-jdk17")?.runtimeVersion == "17")
        #expect(Self.parsed("python")?.isUnpinned == true)
        #expect(Self.parsed("python:latest")?.isUnpinned == true)
        #expect(Self.parsed("node:20-alpine3.20")?.variant == .alpine)
        #expect(Self.parsed("eclipse-temurin:21.0.3_9-jre")?.variant == .jre)
        #expect(BaseImageTags.dotnetChannel("8.0.204") == "8.0")
        #expect(BaseImageTags.dotnetChannel("latest") == nil)
    }

    @Test func everyVariantTheGrammarReadsIsCatalogued() {
        for image in [
            "python:3.11", "python:3.11-slim", "python:3.11-alpine", "node:20", "node:20-slim",
            "node:20-alpine",
            "golang:1.22", "golang:1.22-alpine", "rust:1.78", "rust:1.78-slim", "rust:1.78-alpine",
            "eclipse-temurin:21", "eclipse-temurin:21-jre", "eclipse-temurin:21-jdk-alpine",
            "eclipse-temurin:21-jre-alpine",
            "openjdk:17", "openjdk:17-slim", "maven:3.9-eclipse-temurin-21", "gradle:8.7-jdk17", "ruby:3.3",
            "ruby:3.3-slim",
            "ruby:3.3-alpine", "php:8.3", "php:8.3-alpine", "mcr.microsoft.com/dotnet/sdk:8.0",
            "mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0-alpine",
            "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "mcr.microsoft.com/dotnet/runtime:8.0",
            "debian:bookworm", "debian:bookworm-slim", "ubuntu:24.04", "alpine:3.20", "nginx:1.27",
            "nginx:1.27-alpine",
            "httpd:2.4", "httpd:2.4-alpine", "gcr.io/distroless/static-debian12",
            "gcr.io/distroless/base-debian12",
            "gcr.io/distroless/cc-debian12", "gcr.io/distroless/python3-debian12",
            "gcr.io/distroless/nodejs20-debian12",
            "gcr.io/distroless/java21-debian12", "scratch",
        ] {
            guard let tag = Self.parsed(image) else {
                Issue.record("\(image) does not parse")
                continue
            }
            #expect(BaseImageCatalog.facts(tag.family, tag.variant) != nil, "\(image): no catalog entry")
        }
    }

    @Test func catalogFacts() throws {
        let f = BaseImageCatalog.facts
        let staticImage = try #require(f(.distrolessStatic, .full))
        #expect(
            !staticImage.hasShell && staticImage.packageManager == nil && staticImage.caCertificates
                && staticImage.libc == .none)
        let cc = try #require(f(.distrolessCC, .full))
        #expect(cc.libc == .glibc && !cc.hasShell)
        let scratch = try #require(f(.scratch, .full))
        #expect(scratch.sizeMB == 0 && !scratch.caCertificates && !scratch.hasShell)
        #expect(f(.python, .alpine)?.libc == .musl)
        #expect(f(.python, .slim)?.libc == .glibc)
        #expect(f(.node, .slim)?.caCertificates == false)
        #expect(f(.alpine, .full)?.packageManager == "apk")
        #expect(f(.debian, .slim)?.packageManager == "apt")
        #expect(f(.dotnetASPNET, .chiseled)?.defaultUser == "app")
        #expect(f(.python, .full)?.hasCompilers == true && f(.python, .slim)?.hasCompilers == false)
        for family in [BaseImageFamily.python, .node, .ruby] {
            let full = try #require(f(family, .full)).sizeMB
            let slim = try #require(f(family, .slim)).sizeMB
            let alpine = try #require(f(family, .alpine)).sizeMB
            #expect(full > slim && slim > alpine, "\(family): full > slim > alpine")
        }
        #expect(f(.eclipseTemurin, .jdk)!.sizeMB > f(.eclipseTemurin, .jre)!.sizeMB)
        #expect(!BaseImageCatalog.date.isEmpty && BaseImageCatalog.source.contains("approximate"))
        // One entry per family and variant.
        let keys = BaseImageCatalog.table.map { "\($0.family.rawValue)/\($0.variant.rawValue)" }
        #expect(Set(keys).count == keys.count)
    }
}
