/// An image reference as written in FROM: `[registry/]repository[:tag][@digest]`.
public struct ImageReference: Sendable, Equatable {
    public let registry: String?
    /// The repository path without the registry (`library/python`, `dotnet/sdk`, `python`).
    public let repository: String
    public let tag: String?
    public let digest: String?

    public init?(_ text: String) {
        guard !text.isEmpty, !text.contains(where: { $0 == "$" || $0 == " " || $0 == "\t" }) else {
            return nil
        }
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        } else {
            digest = nil
        }
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        } else {
            tag = nil
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 1, let first = parts.first,
            first.contains(".") || first.contains(":") || first == "localhost"
        {
            registry = String(first)
            repository = parts.dropFirst().joined(separator: "/")
        } else {
            registry = nil
            repository = String(rest)
        }
        if repository.isEmpty { return nil }
    }

    /// The Docker Hub official-image name (`python` for `python`, `library/python`,
    /// `docker.io/library/python`), nil for other registries and namespaces.
    public var officialName: String? {
        if let registry, !["docker.io", "index.docker.io", "registry-1.docker.io"].contains(registry) {
            return nil
        }
        if repository.hasPrefix("library/") { return String(repository.dropFirst("library/".count)) }
        return repository.contains("/") ? nil : repository
    }

    /// The text of the reference with another tag (the registry and repository as written).
    public func withTag(_ newTag: String) -> String {
        (registry.map { $0 + "/" } ?? "") + repository + ":" + newTag
    }
}

/// A tag read with its family's grammar: the version the user pinned, the variant it selects and
/// the distribution suffix, so that a leaner variant can be written with the same version.
public struct BaseImageTag: Sendable, Equatable {
    public let family: BaseImageFamily
    /// The version part (`3.11`, `20`, `bookworm` for debian); empty when unpinned.
    public let version: String
    public let variant: BaseImageVariant
    /// The distribution part of the suffix (`bookworm`, `jammy`, `alpine3.20`), if any.
    public let distro: String?
    /// For distroless java/nodejs and maven/gradle: the Java or Node.js major version.
    public let runtimeVersion: String?

    public var isUnpinned: Bool { version.isEmpty || version == "latest" }
}

/// Families, variants and tag grammars of the catalogued images.
public enum BaseImageTags {
    static let debianCodenames: Set<String> = ["bookworm", "bullseye", "buster", "trixie", "sid"]
    static let ubuntuCodenames: Set<String> = ["focal", "jammy", "noble", "oracular", "plucky", "bionic"]

    /// The family of an image reference, if catalogued.
    public static func family(of reference: ImageReference) -> BaseImageFamily? {
        if let name = reference.officialName {
            switch name {
            case "python": return .python
            case "node": return .node
            case "golang": return .golang
            case "rust": return .rust
            case "ruby": return .ruby
            case "php": return .php
            case "debian": return .debian
            case "ubuntu": return .ubuntu
            case "alpine": return .alpine
            case "nginx": return .nginx
            case "httpd": return .httpd
            case "scratch": return reference.tag == nil && reference.digest == nil ? .scratch : nil
            case "eclipse-temurin": return .eclipseTemurin
            case "openjdk": return .openjdk
            case "maven": return .maven
            case "gradle": return .gradle
            default: return nil
            }
        }
        if reference.registry == "mcr.microsoft.com" {
            switch reference.repository {
            case "dotnet/sdk": return .dotnetSDK
            case "dotnet/aspnet": return .dotnetASPNET
            case "dotnet/runtime": return .dotnetRuntime
            default: return nil
            }
        }
        if reference.registry == "gcr.io", reference.repository.hasPrefix("distroless/") {
            let name = reference.repository.dropFirst("distroless/".count)
            guard let dash = name.lastIndex(of: "-"), name[dash...].hasPrefix("-debian") else { return nil }
            let kind = name[..<dash]
            switch kind {
            case "static": return .distrolessStatic
            case "base", "base-nossl": return .distrolessBase
            case "cc": return .distrolessCC
            case "python3": return .distrolessPython
            default:
                if kind.hasPrefix("nodejs"), Int(kind.dropFirst(6)) != nil { return .distrolessNode }
                if kind.hasPrefix("java"), Int(kind.dropFirst(4)) != nil { return .distrolessJava }
                return nil
            }
        }
        return nil
    }

    /// Reads `reference`'s tag with its family's grammar; nil when the family is unknown or the
    /// tag does not follow the grammar (whittle then suggests nothing).
    public static func parse(_ reference: ImageReference) -> BaseImageTag? {
        guard let family = family(of: reference) else { return nil }
        return parse(tag: reference.tag ?? "latest", family: family, repository: reference.repository)
    }

    static func isNumericVersion(_ s: Substring) -> Bool {
        // 3, 3.12, 3.12.4, 3.13.0rc1, 21.0.3_9
        guard let first = s.first, first.isASCII, first.isNumber else { return false }
        return s.allSatisfy { ($0.isASCII && ($0.isNumber || $0.isLowercase)) || $0 == "." || $0 == "_" }
    }

    static func isAlpineDistro(_ s: String) -> Bool {
        s == "alpine" || (s.hasPrefix("alpine3.") && Int(s.dropFirst("alpine3.".count)) != nil)
    }

    /// Splits `tag` into a version and a suffix, the version being recognised by `isVersion`.
    static func split(_ tag: String, isVersion: (Substring) -> Bool) -> (String, String) {
        if tag == "latest" { return ("", "") }
        if isVersion(Substring(tag)) { return (tag, "") }
        if let dash = tag.firstIndex(of: "-"), isVersion(tag[..<dash]) {
            return (String(tag[..<dash]), String(tag[tag.index(after: dash)...]))
        }
        return ("", tag)
    }

    public static func parse(tag: String, family: BaseImageFamily, repository: String = "") -> BaseImageTag? {
        func make(_ version: String, _ variant: BaseImageVariant, _ distro: String?, runtime: String? = nil)
            -> BaseImageTag
        {
            BaseImageTag(
                family: family, version: version, variant: variant, distro: distro, runtimeVersion: runtime)
        }
        switch family {
        case .python, .ruby, .rust, .golang:
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            if suffix.isEmpty { return make(version, .full, nil) }
            if debianCodenames.contains(suffix) { return make(version, .full, suffix) }
            if isAlpineDistro(suffix) { return make(version, .alpine, suffix == "alpine" ? nil : suffix) }
            guard family != .golang else { return nil }
            if suffix == "slim" { return make(version, .slim, nil) }
            if suffix.hasPrefix("slim-"), debianCodenames.contains(String(suffix.dropFirst(5))) {
                return make(version, .slim, String(suffix.dropFirst(5)))
            }
            return nil
        case .node:
            let (version, suffix) = split(tag) { isNumericVersion($0) || $0 == "lts" || $0 == "current" }
            if suffix.isEmpty { return make(version, .full, nil) }
            if debianCodenames.contains(suffix) { return make(version, .full, suffix) }
            if isAlpineDistro(suffix) { return make(version, .alpine, suffix == "alpine" ? nil : suffix) }
            if suffix == "slim" { return make(version, .slim, nil) }
            if suffix.hasSuffix("-slim"), debianCodenames.contains(String(suffix.dropLast(5))) {
                return make(version, .slim, String(suffix.dropLast(5)))
            }
            return nil
        case .debian:
            var t = Substring(tag)
            var slim = false
            if t.hasSuffix("-slim") {
                slim = true
                t = t.dropLast(5)
            }
            var base = t
            if let dash = t.firstIndex(of: "-") {
                let date = t[t.index(after: dash)...]
                guard date.count == 8, date.allSatisfy(\.isNumber) else { return nil }
                base = t[..<dash]
            }
            let named: Set<Substring> = ["stable", "oldstable", "testing", "unstable", "latest"]
            guard debianCodenames.contains(String(base)) || named.contains(base) || isNumericVersion(base)
            else { return nil }
            if slim && base == "latest" { return nil }  // there is no debian:latest-slim
            return make(base == "latest" ? "" : String(t), slim ? .slim : .full, nil)
        case .ubuntu:
            var base = Substring(tag)
            if let dash = base.firstIndex(of: "-") {
                let date = base[base.index(after: dash)...]
                guard date.count == 8, date.allSatisfy(\.isNumber) else { return nil }
                base = base[..<dash]
            }
            let named: Set<Substring> = ["latest", "rolling", "devel"]
            let numeric =
                base.split(separator: ".").count == 2 && base.allSatisfy { $0.isNumber || $0 == "." }
            guard ubuntuCodenames.contains(String(base)) || named.contains(base) || numeric else {
                return nil
            }
            return make(tag == "latest" ? "" : tag, .full, nil)
        case .alpine:
            guard tag == "latest" || tag == "edge" || (isNumericVersion(Substring(tag)) && !tag.contains("_"))
            else { return nil }
            return make(tag == "latest" ? "" : tag, .full, nil)
        case .nginx:
            let (version, suffix) = split(tag) {
                isNumericVersion($0) || $0 == "stable" || $0 == "mainline"
            }
            switch suffix {
            case "", "perl", "bookworm", "bookworm-perl", "otel", "bookworm-otel":
                return make(version, .full, suffix)
            case "alpine", "alpine-perl", "alpine-slim", "alpine-otel": return make(version, .alpine, suffix)
            default: return nil
            }
        case .httpd:
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            if suffix.isEmpty || debianCodenames.contains(suffix) { return make(version, .full, suffix) }
            if isAlpineDistro(suffix) { return make(version, .alpine, suffix) }
            return nil
        case .php:
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            var parts = suffix.split(separator: "-").map(String.init)
            var kind = ""
            if let first = parts.first, ["cli", "fpm", "zts", "apache"].contains(first) {
                kind = first
                parts.removeFirst()
            }
            if parts.isEmpty { return make(version, .full, kind) }
            guard parts.count == 1 else { return nil }
            if debianCodenames.contains(parts[0]) { return make(version, .full, kind) }
            if isAlpineDistro(parts[0]), kind != "apache" { return make(version, .alpine, kind) }
            return nil
        case .eclipseTemurin:
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            var parts = suffix.split(separator: "-", maxSplits: 1).map(String.init)
            var jre = false
            if let first = parts.first, first == "jdk" || first == "jre" {
                jre = first == "jre"
                parts.removeFirst()
            }
            let distro = parts.first
            if let distro {
                guard ubuntuCodenames.contains(distro) || distro == "alpine" || distro == "ubi9-minimal"
                else {
                    return nil
                }
            }
            let variant: BaseImageVariant =
                distro == "alpine" ? (jre ? .jreAlpine : .jdkAlpine) : (jre ? .jre : .jdk)
            return make(version, variant, distro == "alpine" ? nil : distro)
        case .openjdk:
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            var parts = suffix.split(separator: "-").map(String.init)
            var jdk = false
            if parts.first == "jdk" {
                jdk = true
                parts.removeFirst()
            }
            var slim = false
            if parts.first == "slim" {
                slim = true
                parts.removeFirst()
            }
            if let distro = parts.first {
                guard parts.count == 1, debianCodenames.contains(distro) else { return nil }
            }
            return make(version, slim ? .slim : .full, ((jdk ? "jdk" : "") + "|" + (parts.first ?? "")))
        case .maven, .gradle:
            // maven:3.9-eclipse-temurin-21[-alpine], gradle:8.7-jdk21[-alpine]
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            let words = suffix.split(separator: "-").map(String.init)
            var java: String? = nil
            if family == .maven, let i = words.firstIndex(where: { Int($0) != nil }) {
                java = words[i]
            }
            if family == .gradle,
                let w = words.first(where: { $0.hasPrefix("jdk") && Int($0.dropFirst(3)) != nil })
            {
                java = String(w.dropFirst(3))
            }
            return make(version, words.contains("alpine") ? .alpine : .full, nil, runtime: java)
        case .dotnetSDK, .dotnetASPNET, .dotnetRuntime:
            let (version, suffix) = split(tag, isVersion: isNumericVersion)
            if suffix.isEmpty { return make(version, .full, nil) }
            if isAlpineDistro(suffix) { return make(version, .alpine, suffix) }
            if suffix.hasSuffix("-chiseled") || suffix.hasSuffix("-chiseled-extra") {
                guard family != .dotnetSDK else { return nil }
                return make(version, .chiseled, suffix)
            }
            if ["bookworm-slim", "jammy", "noble", "azurelinux3.0", "cbl-mariner2.0"].contains(suffix) {
                return make(version, .full, suffix)
            }
            return nil
        case .distrolessStatic, .distrolessBase, .distrolessCC, .distrolessPython, .distrolessNode,
            .distrolessJava:
            guard ["latest", "nonroot", "debug", "debug-nonroot"].contains(tag) else { return nil }
            let kind = repository.split(separator: "/").last.map(String.init) ?? ""
            let digits = kind.split(separator: "-").first.map { String($0.filter(\.isNumber)) }
            return make(tag, .full, nil, runtime: digits?.isEmpty == false ? digits : nil)
        case .scratch:
            return make("", .full, nil)
        }
    }

    /// The tag of `variant` with the same version and distribution as `tag`, or nil when the
    /// family publishes no such tag (whittle never invents one: `ubuntu` has no `-slim`).
    public static func tag(_ tag: BaseImageTag, as variant: BaseImageVariant) -> String? {
        let v = tag.version
        func joined(_ suffix: String) -> String {
            v.isEmpty ? suffix : (suffix.isEmpty ? v : v + "-" + suffix)
        }
        switch (tag.family, variant) {
        case (.python, .slim), (.ruby, .slim), (.rust, .slim):
            return joined(tag.distro.map { "slim-" + $0 } ?? "slim")
        case (.node, .slim):
            return joined(tag.distro.map { $0 + "-slim" } ?? "slim")
        case (.python, .alpine), (.ruby, .alpine), (.node, .alpine), (.golang, .alpine), (.rust, .alpine),
            (.httpd, .alpine):
            return joined("alpine")
        case (.debian, .slim):
            return tag.version.isEmpty ? "stable-slim" : tag.version + "-slim"
        case (.nginx, .alpine):
            switch tag.distro ?? "" {
            case "", "bookworm": return joined("alpine")
            case "perl", "bookworm-perl": return joined("alpine-perl")
            default: return nil
            }
        case (.php, .alpine):
            let kind = tag.distro ?? ""
            if kind == "apache" { return nil }
            return joined(kind.isEmpty ? "alpine" : kind + "-alpine")
        case (.eclipseTemurin, .jre):
            guard !v.isEmpty else { return nil }
            return joined(tag.distro.map { "jre-" + $0 } ?? "jre")
        case (.eclipseTemurin, .jreAlpine):
            guard !v.isEmpty else { return nil }
            return joined("jre-alpine")
        case (.openjdk, .slim):
            guard !v.isEmpty, let parts = tag.distro?.split(separator: "|", omittingEmptySubsequences: false)
            else { return nil }
            let jdk = parts.first == "jdk"
            let distro = parts.count > 1 ? String(parts[1]) : ""
            return joined((jdk ? "jdk-" : "") + "slim" + (distro.isEmpty ? "" : "-" + distro))
        case (.dotnetASPNET, .chiseled), (.dotnetRuntime, .chiseled):
            guard let major = Int(v.split(separator: ".").first ?? ""), v.contains(".") else { return nil }
            if major >= 9 { return v + "-noble-chiseled" }
            if major >= 6 { return v + "-jammy-chiseled" }
            return nil
        default:
            return nil
        }
    }

    /// The major.minor of a .NET tag version (`8.0.204` → `8.0`).
    static func dotnetChannel(_ version: String) -> String? {
        let parts = version.split(separator: ".")
        guard parts.count >= 2, Int(parts[0]) != nil, Int(parts[1]) != nil else { return nil }
        return "\(parts[0]).\(parts[1])"
    }
}
