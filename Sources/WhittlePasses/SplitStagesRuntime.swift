import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// The base of the runtime stage and what the build stage hands it.
struct RuntimeChoice {
    var image: String
    var facts: BaseImageCatalog.Facts?
    /// The artifacts, copied from the build stage.
    var copies: [(from: String, to: String)]
    /// Instructions the runtime stage runs before the copies; `stageNamePlaceholder` stands for the
    /// build stage's name.
    var extraInstructions: [String] = []

    var hasShell: Bool { facts?.hasShell ?? true }
    /// `apt`, `apk`, `microdnf` or nil.
    var packageManager: String? { facts?.packageManager }
}

/// The runtime base per build kind; the native binaries (Go, Rust, C and C++) are here, the builds
/// that run on a language runtime in SplitStagesRuntimeLanguages.swift.
extension SplitStagesPlanner {
    /// Chooses the runtime base and the artifacts for the build found; throws when the build image,
    /// or the program CMD runs, does not allow a split.
    mutating func chooseRuntime(for subject: SplitSubject) throws(SplitRefusal) -> RuntimeChoice {
        switch subject.found.kind {
        case .go(let output, let isStatic): try goRuntime(subject, output: output, isStatic: isStatic)
        case .rust(let release, let customTarget):
            try rustRuntime(subject, release: release, customTarget: customTarget)
        case .c(let output, let cxx): try cRuntime(subject, output: output, cxx: cxx)
        case .java: try javaRuntime(subject)
        case .node(let usesCI): try nodeRuntime(subject, usesCI: usesCI)
        case .python(let venv): try pythonRuntime(subject, venv: venv)
        case .dotnet(let output): try dotnetRuntime(subject, output: output)
        }
    }

    /// `path`, as CMD names it, is `artifact`: by its path, or by its name in a folder of PATH.
    static func isArtifact(_ path: String, _ artifact: String, workdir: String) -> Bool {
        if path.contains("/") { return absolute(path, in: workdir) == artifact }
        let dir = (artifact as NSString).deletingLastPathComponent
        return (artifact as NSString).lastPathComponent == path
            && ["/usr/local/bin", "/usr/bin", "/bin", "/go/bin", "/usr/local/sbin"].contains(dir)
    }

    /// The distroless suffix (`debian12`) of the Debian release a build image is based on, when the
    /// image's version is at least `minimum` (the first version built on bookworm).
    static func debianRelease(of tag: BaseImageTag, minimum: Double) -> String? {
        if tag.distro == "bookworm" { return "debian12" }
        if tag.distro == "bullseye" { return "debian11" }
        guard tag.distro == nil else { return nil }
        if tag.isUnpinned { return "debian12" }
        let parts = tag.version.split(separator: ".")
        guard parts.count >= 2,
            let major = Double(
                "\(parts[0]).\(parts[1].prefix(2).count == 1 ? "0" + parts[1] : String(parts[1].prefix(2)))"
            )
        else { return nil }
        return major >= minimum ? "debian12" : nil
    }

    private static func unknownDebianRelease(_ subject: SplitSubject) -> SplitRefusal {
        SplitRefusal(
            "the Debian release of \(subject.base.resolved) cannot be told, so a glibc-compatible runtime cannot be chosen"
        )
    }

    /// Go: distroless static for a static binary, distroless base for a cgo one.
    private mutating func goRuntime(_ subject: SplitSubject, output: String, isStatic: Bool)
        throws(SplitRefusal) -> RuntimeChoice
    {
        let tag = subject.tag
        guard tag.family == .golang else {
            throw SplitRefusal("Go is built on \(subject.base.resolved), not on a golang image")
        }
        guard Self.isArtifact(subject.program, output, workdir: subject.finalWorkdir) else {
            throw SplitRefusal(
                "\(subject.launch.keyword) runs `\(subject.program)`, not the binary `go build` writes (\(output))"
            )
        }
        if isStatic {
            notes.append(
                "The binary is static (CGO_ENABLED=0): distroless static has CA certificates and tzdata and nothing else."
            )
            return RuntimeChoice(
                image: "gcr.io/distroless/static-debian12",
                facts: BaseImageCatalog.facts(.distrolessStatic, .full), copies: [(output, output)])
        }
        guard tag.variant != .alpine else {
            throw SplitRefusal(
                "cgo is not disabled and the build image uses musl; set CGO_ENABLED=0 for a static binary"
            )
        }
        guard let debian = Self.debianRelease(of: tag, minimum: 1.21) else {
            throw Self.unknownDebianRelease(subject)
        }
        notes.append(
            "cgo is not disabled, so the binary may link glibc: distroless base has glibc, libssl and CA certificates. With CGO_ENABLED=0, distroless static (2 MB) would do."
        )
        return RuntimeChoice(
            image: "gcr.io/distroless/base-\(debian)", facts: BaseImageCatalog.facts(.distrolessBase, .full),
            copies: [(output, output)])
    }

    /// Rust: `target/release/<name from Cargo.toml>` on distroless cc.
    private mutating func rustRuntime(_ subject: SplitSubject, release: Bool, customTarget: Bool)
        throws(SplitRefusal) -> RuntimeChoice
    {
        let tag = subject.tag
        let program = subject.program
        guard tag.family == .rust, tag.variant != .alpine else {
            throw SplitRefusal(
                "Rust is built on \(subject.base.resolved); only the Debian-based rust images are handled")
        }
        guard release, !customTarget else {
            throw SplitRefusal(
                "only `cargo build --release` with the default target folder is handled, so the artifact's path cannot be told"
            )
        }
        guard
            let manifest = context.buildContext?.contents("Cargo.toml").map({
                String(decoding: $0, as: UTF8.self)
            }),
            let name = Self.cargoBinaryName(manifest)
        else {
            throw SplitRefusal(
                "the binary's name comes from Cargo.toml, which is not in the build context whittle was given (or names no single binary)",
                [
                    "Run whittle with the build context (`--context`), or name the binary in CMD after copying it yourself."
                ])
        }
        let artifact = Self.absolute("target/release/" + name, in: subject.found.workdir)
        guard Self.isArtifact(program, artifact, workdir: subject.finalWorkdir) || program == name else {
            throw SplitRefusal(
                "\(subject.launch.keyword) runs `\(program)`, not the binary cargo builds (\(artifact))"
            )
        }
        guard let debian = Self.debianRelease(of: tag, minimum: 1.72) else {
            throw Self.unknownDebianRelease(subject)
        }
        let destination = program == name ? "/usr/local/bin/" + name : artifact
        notes.append("Rust binaries link glibc and libgcc: distroless cc has both, with CA certificates.")
        return RuntimeChoice(
            image: "gcr.io/distroless/cc-\(debian)", facts: BaseImageCatalog.facts(.distrolessCC, .full),
            copies: [(artifact, destination)])
    }

    /// C and C++: the binary the compiler writes (or the one CMD names after `make`) on the slim
    /// image of the same Debian release.
    private mutating func cRuntime(_ subject: SplitSubject, output: String?, cxx: Bool)
        throws(SplitRefusal) -> RuntimeChoice
    {
        let artifact = try cArtifact(subject, output: output)
        let (image, facts) = try cRuntimeBase(subject, cxx: cxx)
        notes.append(
            "The binary keeps its shared libraries from the same Debian release; packages the build installed that are not build tools are installed again."
        )
        return RuntimeChoice(image: image, facts: facts, copies: [(artifact, artifact)])
    }

    private func cArtifact(_ subject: SplitSubject, output: String?) throws(SplitRefusal) -> String {
        let program = subject.program
        if let output {
            guard Self.isArtifact(program, output, workdir: subject.finalWorkdir) else {
                throw SplitRefusal(
                    "\(subject.launch.keyword) runs `\(program)`, not the binary the compiler writes (\(output))"
                )
            }
            return output
        }
        guard program.contains("/") else {
            throw SplitRefusal(
                "`make` builds something, but CMD does not name the binary by its path, so the artifact cannot be told"
            )
        }
        let artifact = Self.absolute(program, in: subject.finalWorkdir)
        let buildFolder = subject.found.workdir
        guard artifact.hasPrefix(buildFolder == "/" ? "/nonexistent" : buildFolder + "/") else {
            throw SplitRefusal(
                "CMD runs `\(program)`, which is not in the folder `make` builds in (\(buildFolder))"
            )
        }
        return artifact
    }

    private func cRuntimeBase(_ subject: SplitSubject, cxx: Bool) throws(SplitRefusal) -> (
        String, BaseImageCatalog.Facts?
    ) {
        let tag = subject.tag
        let reference = subject.reference
        switch subject.gccImage ? .scratch : tag.family {
        case .debian:
            guard let slim = BaseImageTags.tag(tag, as: .slim), tag.variant == .full else {
                throw SplitRefusal("\(subject.base.resolved) has no leaner variant of the same release")
            }
            return (reference.withTag(slim), BaseImageCatalog.facts(.debian, .slim))
        default:
            guard reference.officialName == "gcc" else {
                throw SplitRefusal("only debian and gcc build images are handled for C and C++")
            }
            guard !cxx else {
                throw SplitRefusal(
                    "the gcc image's libstdc++ is newer than Debian's, so a C++ binary may not run on debian-slim"
                )
            }
            let major = Int(reference.tag?.split(separator: ".").first ?? "") ?? 0
            guard (reference.tag?.hasSuffix("-bookworm") ?? false) || (12...14).contains(major) else {
                throw SplitRefusal("the Debian release of \(subject.base.resolved) cannot be told")
            }
            return ("debian:bookworm-slim", BaseImageCatalog.facts(.debian, .slim))
        }
    }

    /// `[package] name` of a Cargo.toml with a single binary, or the `[[bin]]` name when there is
    /// exactly one; nil for workspaces and several binaries.
    static func cargoBinaryName(_ manifest: String) -> String? {
        var section = ""
        var packageName: String? = nil
        var binNames: [String] = []
        for raw in manifest.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                section = line
                if line == "[workspace]" { return nil }
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, parts[0] == "name" else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if section == "[package]" { packageName = value }
            if section == "[[bin]]" { binNames.append(value) }
        }
        if binNames.count > 1 { return nil }
        return binNames.first ?? packageName
    }
}
