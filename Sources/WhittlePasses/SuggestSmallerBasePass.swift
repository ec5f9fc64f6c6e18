import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `suggest-smaller-base`: the base image of the final image has a leaner variant that still fits
/// what the stage does.
public struct SuggestSmallerBasePass: Pass {
    public static let id = "suggest-smaller-base"
    public static let summary =
        "Use the smallest variant of the base image that still fits what the stage does"
    public static let rationale = """
        The default tags of the official language images (`python:3.12`, `node:20`, `ruby:3.3`)
        are built on `buildpack-deps`: compilers, headers, version control and hundreds of
        libraries, 300-400 MB compressed. The `-slim` variant has the runtime on a minimal Debian
        (45-70 MB); `-alpine` is smaller still but uses musl instead of glibc.

        For each stage whose files end up in the final image, whittle reads what the stage (and
        the stages built FROM it) does and proposes the smallest catalogued variant that still
        fits, keeping the version you pinned:

        - a shell-form RUN, CMD, ENTRYPOINT or HEALTHCHECK needs a shell (rules out chiseled and
          distroless images);
        - installing system packages needs the package manager, and apt commands rule out Alpine;
        - compiling (gcc, make, `go build`, `mvn package`, ...) needs the compilers of the full
          image: nothing leaner is proposed (see `split-stages`);
        - pip, npm, gem or composer installs may build native extensions: glibc is kept, so
          `-slim` is proposed rather than `-alpine`, which is only proposed for a stage that is
          clearly pure (no installs, only simple file commands, nothing copied from another
          stage);
        - tools the full image has and the lean one lacks (curl, git, wget, ...) keep the full
          image unless the stage installs them.

        The saving is estimated from the catalog of typical sizes in Docs/BaseImages.md. A FROM
        pinned by digest, or using an ARG with no default, is left alone with a note. A
        single-stage file that `split-stages` can split is left to it: the build keeps its full
        image and the runtime stage gets the lean one.
        """
    public static let fixSafety = FixSafety.unsafe
    public static let examples = [
        PassExample(
            "pip installs keep glibc: -slim rather than -alpine",
            input:
                "FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n",
            output:
                "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n",
            unsafeFixes: true),
        PassExample(
            "A stage that only copies files can use -alpine",
            input: "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n",
            output: "FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n",
            unsafeFixes: true),
        PassExample(
            "debian keeps its release: bookworm becomes bookworm-slim",
            input: "FROM debian:bookworm\nCOPY app /usr/local/bin/app\nCMD [\"app\"]\n",
            output: "FROM debian:bookworm-slim\nCOPY app /usr/local/bin/app\nCMD [\"app\"]\n",
            unsafeFixes: true),
        PassExample(
            "ubuntu has no slim variant: left alone",
            input: "FROM ubuntu:22.04\nCOPY app /usr/local/bin/app\nCMD [\"app\"]\n", output: nil),
        PassExample(
            "Compiling in the final stage needs the full image: left alone",
            input: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
            output: nil),
        PassExample(
            "A digest pins the image: left alone, with a note",
            input:
                "FROM python:3.11@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCMD [\"python\"]\n",
            output: nil),
    ]

    public init() {}

    static let platformArguments: Set<String> = [
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH",
        "BUILDVARIANT",
    ]

    struct Choice {
        let variant: BaseImageVariant
        let family: BaseImageFamily
        let tag: String
        var reference: ImageReference? = nil
    }

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        let finals = file.finalImageStages
        var findings: [Finding] = []
        // A file that split-stages splits gets its lean base from the split; a leaner builder
        // base would only lose the compilers the build needs.
        if file.stages.count == 1, let only = file.stages.first {
            var planner = SplitStagesPlanner(context: context, stage: only)
            if case .split? = planner.plan() { return [] }
        }
        for stage in file.stages where finals.contains(stage.index) {
            let base = StageBase(stage, in: file)
            if case .stage = base.kind { continue }
            // The stages built FROM this one, within the final image.
            let chain = file.stages.filter { finals.contains($0.index) && $0.index >= stage.index }
            let needs = StageNeeds(stages: chain, file: file)
            let range = stage.from.keywordSourceRange.lowerBound..<stage.from.logicalEndSourceOffset
            switch base.kind {
            case .unresolved(let names):
                // BuildKit's automatic platform ARGs: the image depends on the platform.
                if names.isEmpty || names.contains(where: Self.platformArguments.contains) { continue }
                findings.append(
                    Finding(
                        passID: Self.id, severity: .info,
                        message:
                            "The base image of the final stage cannot be read: \(names.map { "$" + $0 }.joined(separator: ", ")) \(names.count == 1 ? "has" : "have") no default",
                        range: range,
                        notes: [
                            "whittle leaves a FROM it cannot resolve alone; give the ARG a default to get a suggestion."
                        ]))
                continue
            case .image: break
            default: continue
            }
            guard let reference = base.reference, let tag = base.tag,
                let current = BaseImageCatalog.facts(tag.family, tag.variant)
            else { continue }
            var notes: [String] = []
            guard var choice = choose(tag: tag, needs: needs, notes: &notes) else { continue }
            // A change of family (sdk → aspnet) may allow a leaner variant of the new family too.
            if choice.family != tag.family,
                let next = BaseImageTags.parse(tag: choice.tag, family: choice.family),
                let further = choose(tag: next, needs: needs, notes: &notes), further.family == choice.family
            {
                choice = Choice(
                    variant: further.variant, family: further.family, tag: further.tag,
                    reference: choice.reference)
            }
            guard let target = BaseImageCatalog.facts(choice.family, choice.variant) else { continue }
            let newImage: String
            if choice.family == tag.family {
                newImage = reference.withTag(choice.tag)
            } else {
                newImage =
                    choice.reference.map {
                        ($0.registry.map { $0 + "/" } ?? "") + $0.repository + ":" + choice.tag
                    } ?? choice.tag
            }
            let saved = current.bytes - target.bytes
            guard saved > 0 else { continue }
            if reference.digest != nil {
                findings.append(
                    Finding(
                        passID: Self.id, severity: .info,
                        message:
                            "\(base.resolved) is pinned by digest; the \(choice.variant.rawValue) variant would be smaller",
                        range: range,
                        notes: [
                            "A digest names one exact image: whittle leaves it alone. Resolve the digest of \(newImage) yourself if the variant fits."
                        ] + notes,
                        effect: Effect(
                            bytesSaved: saved, note: "estimate from the catalog", removedPaths: ["/"])))
                continue
            }
            if tag.isUnpinned {
                notes.append(
                    "The tag is not pinned to a version; consider pinning one, e.g. `\(tag.family.rawValue):<version>-\(choice.variant.rawValue)`."
                )
            }
            if current.caCertificates && !target.caCertificates {
                notes.append(
                    "\(newImage) has no system CA certificates; install `ca-certificates` if the program makes TLS connections with system tools (Node.js brings its own store)."
                )
            }
            if current.tzdata && !target.tzdata {
                notes.append("\(newImage) has no time-zone data (tzdata).")
            }
            var safety = FixSafety.unsafe
            if !needs.systemPackages.isEmpty {
                safety = .suggestion
                let names = needs.systemPackages.map(\.name)
                notes.append(
                    "The stage installs system packages (\(names.prefix(6).joined(separator: ", "))\(names.count > 6 ? ", ..." : "")): whittle cannot tell whether they, or what they need at run time, are missing from the leaner image. Check, then change the FROM yourself."
                )
            } else {
                notes.append(
                    "A leaner base lacks packages the full image has (compilers, headers, curl, git, locales); anything the program uses at run time must be installed."
                )
            }
            var edits: [TextEdit] = []
            if let writtenRange = base.writtenRange, let text = base.writtenText(for: newImage) {
                edits = [TextEdit(range: writtenRange, replacement: text)]
            } else {
                notes.append(
                    "The FROM uses a variable in a way whittle cannot rewrite; change it to resolve to \(newImage)."
                )
                safety = .suggestion
            }
            findings.append(
                Finding(
                    passID: Self.id,
                    message:
                        "\(base.resolved) is about \(current.sizeMB) MB; \(newImage) (about \(target.sizeMB) MB) fits this stage",
                    range: range, notes: notes,
                    effect: Effect(
                        bytesSaved: saved, note: "estimate from the catalog of typical sizes",
                        removedPaths: ["/"]),
                    fix: edits.isEmpty
                        ? nil : Fix(title: "Use \(newImage)", safety: safety, edits: edits)))
        }
        return findings
    }

    /// The smallest variant that fits; `notes` says why leaner ones were ruled out.
    func choose(tag: BaseImageTag, needs: StageNeeds, notes: inout [String]) -> Choice? {
        let family = tag.family
        let compiles = !needs.compiles.isEmpty
        let usesFullTools = !needs.fullImageTools.isEmpty
        // Alpine: only for a clearly pure stage.
        var alpineBlockers: [String] = []
        if !needs.systemPackages.isEmpty {
            alpineBlockers.append("system packages are installed with \(needs.systemPackages[0].manager)")
        }
        if !needs.languageInstalls.isEmpty {
            alpineBlockers.append("\(needs.languageInstalls[0]) may build native extensions against glibc")
        }
        if compiles { alpineBlockers.append("the stage compiles (\(needs.compiles[0]))") }
        if !needs.nonPortableCommands.isEmpty {
            alpineBlockers.append("RUN uses \(needs.nonPortableCommands[0]), which may differ on busybox")
        }
        if needs.customShell { alpineBlockers.append("the stage sets its own SHELL") }
        if needs.setsTimeZone { alpineBlockers.append("TZ is set and Alpine has no tzdata") }
        if !needs.copiesFromStages.isEmpty && family != .nginx && family != .httpd {
            alpineBlockers.append("files copied from another stage may be linked against glibc")
        }
        if usesFullTools { alpineBlockers.append("\(needs.fullImageTools[0]) is used") }
        func alpineNote() {
            if let first = alpineBlockers.first { notes.append("-alpine (musl) is ruled out: \(first).") }
        }
        switch (family, tag.variant) {
        case (.python, .full), (.ruby, .full), (.node, .full), (.python, .slim), (.ruby, .slim),
            (.node, .slim):
            if compiles && tag.variant == .full {
                return nil  // the compilers of the full image are needed; split-stages can help
            }
            if alpineBlockers.isEmpty, let t = BaseImageTags.tag(tag, as: .alpine) {
                return Choice(variant: .alpine, family: family, tag: t)
            }
            guard tag.variant == .full else { return nil }
            if usesFullTools { return nil }
            alpineNote()
            return BaseImageTags.tag(tag, as: .slim).map { Choice(variant: .slim, family: family, tag: $0) }
        case (.rust, .full):
            if usesFullTools { return nil }
            return BaseImageTags.tag(tag, as: .slim).map { Choice(variant: .slim, family: family, tag: $0) }
        case (.debian, .full):
            return BaseImageTags.tag(tag, as: .slim).map { Choice(variant: .slim, family: family, tag: $0) }
        case (.openjdk, .full):
            if !needs.systemPackages.isEmpty { return nil }  // microdnf becomes apt
            notes.append("The openjdk images are deprecated; eclipse-temurin is maintained.")
            return BaseImageTags.tag(tag, as: .slim).map { Choice(variant: .slim, family: family, tag: $0) }
        case (.eclipseTemurin, .jdk), (.eclipseTemurin, .jdkAlpine):
            if compiles { return nil }
            let variant: BaseImageVariant = tag.variant == .jdk ? .jre : .jreAlpine
            return BaseImageTags.tag(tag, as: variant).map {
                Choice(variant: variant, family: family, tag: $0)
            }
        case (.nginx, .full), (.httpd, .full), (.php, .full):
            if !alpineBlockers.isEmpty { return nil }
            return BaseImageTags.tag(tag, as: .alpine).map {
                Choice(variant: .alpine, family: family, tag: $0)
            }
        case (.dotnetSDK, .full):
            if compiles || !needs.systemPackages.isEmpty || tag.isUnpinned { return nil }
            guard let channel = BaseImageTags.dotnetChannel(tag.version) else { return nil }
            notes.append(
                "The SDK is only needed to build; the ASP.NET Core runtime image runs the app (use dotnet/runtime for a non-web app)."
            )
            let t = channel + (tag.distro.map { "-" + $0 } ?? "")
            return Choice(
                variant: tag.variant, family: .dotnetASPNET, tag: t,
                reference: ImageReference("mcr.microsoft.com/dotnet/aspnet"))
        case (.dotnetASPNET, .full), (.dotnetRuntime, .full):
            guard tag.distro == nil, needs.shell.isEmpty, needs.systemPackages.isEmpty, !usesFullTools else {
                return nil
            }
            notes.append(
                "Chiseled images have no shell and no package manager and run as the non-root user `app`.")
            return BaseImageTags.tag(tag, as: .chiseled).map {
                Choice(variant: .chiseled, family: family, tag: $0)
            }
        case (.maven, _), (.gradle, _):
            guard !compiles, let java = tag.runtimeVersion, tag.variant == .full else { return nil }
            notes.append("Maven and Gradle are build tools; a stage that only runs Java needs a JRE.")
            return Choice(
                variant: .jre, family: .eclipseTemurin, tag: java + "-jre",
                reference: ImageReference("eclipse-temurin"))
        default:
            return nil
        }
    }
}
