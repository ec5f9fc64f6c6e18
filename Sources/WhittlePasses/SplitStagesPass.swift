import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `split-stages`: a single-stage file that builds an artifact and runs it becomes a builder stage
/// and a lean runtime stage that copies only the artifact.
public struct SplitStagesPass: Pass {
    public static let id = "split-stages"
    public static let summary =
        "Build in one stage and run from a lean runtime stage that copies only the artifact"
    public static let rationale = """
        A single-stage Dockerfile ships everything the build needed: the compiler, the SDK, the
        package manager's caches, the sources and the development dependencies. A multi-stage
        build keeps the build in a `build` stage and starts the image from a lean `runtime` base
        that receives only the artifact:

        | build | artifact | runtime base |
        |---|---|---|
        | `go build -o X` with `CGO_ENABLED=0` | X | `gcr.io/distroless/static-debian12` |
        | `go build -o X` (cgo) | X | `gcr.io/distroless/base-debian12` |
        | `cargo build --release` | `target/release/<name from Cargo.toml>` | `gcr.io/distroless/cc-debian12` |
        | `gcc`/`g++ -o X`, or `make` with CMD naming the binary | X | the `-slim` image of the same Debian |
        | `mvn package`, `gradle build` | the jar CMD runs with `java -jar` | `eclipse-temurin:<N>-jre` |
        | `npm run build` | `dist/` or `build/`, as CMD (or package.json's start script) names it | `node:<version>-slim` with `npm ci --omit=dev` |
        | a virtualenv | the virtualenv and the WORKDIR | `python:<version>-slim` |
        | `dotnet publish -o out` | `out/` | `mcr.microsoft.com/dotnet/aspnet:<channel>` (or `runtime` for a non-web project) |

        The runtime stage keeps ENV, WORKDIR, LABEL, EXPOSE, VOLUME, STOPSIGNAL, HEALTHCHECK, USER,
        ENTRYPOINT and CMD (in exec form when the new base has no shell, which needs a command
        without shell features), re-declares the ARGs they use, and installs the system packages the
        build installed that are not build-only (compilers, `-dev` headers, git and build tools are
        build-only; see Docs/BaseImages.md). The builder keeps every other instruction in its order,
        so `dependency-first-copy` can still order its COPYs.

        whittle refuses, with a finding that says why, when the artifact's path cannot be told,
        when CMD runs something the artifact copy would not bring along (a shell script, a tool of
        the build image), when the build installs development headers (the runtime library's
        package name cannot be told) or when the runtime base cannot provide what the stage uses.
        """
    public static let fixSafety = FixSafety.unsafe
    public static let examples = [
        PassExample(
            "A static Go binary runs from distroless static",
            input: """
                FROM golang:1.22
                WORKDIR /src
                COPY . .
                RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server
                EXPOSE 8080
                CMD /out/server --port 8080

                """,
            output: """
                FROM golang:1.22 AS build
                WORKDIR /src
                COPY . .
                RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

                FROM gcr.io/distroless/static-debian12 AS runtime
                WORKDIR /src
                EXPOSE 8080
                COPY --from=build /out/server /out/server
                CMD ["/out/server", "--port", "8080"]

                """,
            unsafeFixes: true),
        PassExample(
            "A virtualenv moves to python:<version>-slim",
            input: """
                FROM python:3.12
                WORKDIR /app
                RUN python -m venv /opt/venv
                ENV PATH=/opt/venv/bin:$PATH
                COPY . .
                RUN pip install -r requirements.txt
                CMD ["gunicorn", "app:app"]

                """,
            output: """
                FROM python:3.12 AS build
                WORKDIR /app
                RUN python -m venv /opt/venv
                ENV PATH=/opt/venv/bin:$PATH
                COPY . .
                RUN pip install -r requirements.txt

                FROM python:3.12-slim AS runtime
                WORKDIR /app
                ENV PATH=/opt/venv/bin:$PATH
                COPY --from=build /opt/venv /opt/venv
                COPY --from=build /app /app
                CMD ["gunicorn", "app:app"]

                """,
            unsafeFixes: true),
        PassExample(
            "CMD runs a shell script: refused",
            input: """
                FROM golang:1.22
                WORKDIR /src
                COPY . .
                RUN go build -o /out/server .
                CMD ["./entrypoint.sh"]

                """,
            output: nil, unsafeFixes: true),
        PassExample(
            "Already multi-stage: left alone",
            input:
                "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
            output: nil, unsafeFixes: true),
    ]

    public init() {}

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        guard file.stages.count == 1, let stage = file.stages.first, file.escape == UInt8(ascii: "\\"),
            !file.instructions.contains(where: { $0.kind == .shell })
        else { return [] }
        var planner = SplitStagesPlanner(context: context, stage: stage)
        guard let outcome = planner.plan() else { return [] }
        let range = stage.from.keywordSourceRange.lowerBound..<stage.from.logicalEndSourceOffset
        switch outcome {
        case .refused(let build, let reason, let notes):
            return [
                Finding(
                    passID: Self.id, severity: .info,
                    message: "The stage builds \(build) and runs it, but whittle cannot split it: \(reason)",
                    range: range, notes: notes)
            ]
        case .split(let build, let runtimeImage, let edits, let notes, let saved):
            return [
                Finding(
                    passID: Self.id,
                    message:
                        "The image ships the build tools of \(build); a runtime stage from \(runtimeImage) needs only the artifact",
                    range: range,
                    notes: notes + [
                        "The runtime stage holds only what is copied into it: files the program reads at run time (templates, static assets, configuration) must be copied too."
                    ],
                    effect: Effect(
                        bytesSaved: saved,
                        note: saved == nil ? "the build tools and sources leave the image" : nil),
                    fix: Fix(
                        title: "Split into a build stage and a runtime stage from \(runtimeImage)",
                        safety: .unsafe, edits: edits))
            ]
        }
    }
}

/// What a split ends as.
enum SplitOutcome {
    case refused(build: String, reason: String, notes: [String])
    case split(build: String, runtimeImage: String, edits: [TextEdit], notes: [String], saved: Int?)
}

/// The kind of build found in the stage.
enum BuildKind: Equatable {
    case go(output: String, static: Bool)
    case rust(release: Bool, customTarget: Bool)
    case c(output: String?, cxx: Bool)
    case java
    case node(usesCI: Bool)
    case python(venv: String)
    case dotnet(output: String)

    var name: String {
        switch self {
        case .go: "a Go binary"
        case .rust: "a Rust binary"
        case .c: "a C/C++ binary"
        case .java: "a Java jar"
        case .node: "a Node.js bundle"
        case .python: "a Python virtualenv"
        case .dotnet: "a .NET app"
        }
    }
}

struct SplitStagesPlanner {
    let context: PassContext
    let stage: Stage
    var file: Dockerfile { context.file }
    var style: FileStyle { context.style }
    var notes: [String] = []

    init(context: PassContext, stage: Stage) {
        self.context = context
        self.stage = stage
    }

    /// Absolute path of `path` under `workdir`.
    static func absolute(_ path: String, in workdir: String) -> String {
        var p = path
        if p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        if p.hasPrefix("/") { return normalized(p) }
        return normalized((workdir.hasSuffix("/") ? workdir : workdir + "/") + p)
    }

    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    struct Found {
        var kind: BuildKind
        var workdir: String
        var line: Int
    }

    /// Walks the stage: the build, the workdir at each instruction, the system packages.
    mutating func plan() -> SplitOutcome? {
        let base = StageBase(stage, in: file)
        var workdir = "/"
        var workdirKnown = true
        var found: Found? = nil
        var packages: [(manager: PackageManager, name: String)] = []
        var envCGODisabled = false
        var userCreatingRuns: [Instruction] = []
        var createdUsers: Set<String> = []
        var npmCI = false
        for instruction in stage.instructions {
            switch instruction.kind {
            case .workdir:
                let value = instruction.arguments
                if value.contains("$") { workdirKnown = false }
                workdir = Self.absolute(value.trimmingCharacters(in: .whitespaces), in: workdir)
            case .env:
                for kv in file.keyValues(of: instruction) where kv.key == "CGO_ENABLED" {
                    envCGODisabled = kv.value(escape: file.escape) == "0"
                }
            case .run:
                let run = RunScript(instruction, in: file)
                guard let script = run.script, !script.isOpaque else { continue }
                var onlyUsers = !script.commands.isEmpty
                for command in script.commands {
                    guard let invocation = command.invocation, let name = invocation.baseName else {
                        continue
                    }
                    if ["useradd", "adduser", "groupadd", "addgroup"].contains(name) {
                        if let user = invocation.args.last?.literal, name == "useradd" || name == "adduser" {
                            createdUsers.insert(user)
                        }
                    } else {
                        onlyUsers = false
                    }
                    if let pm = command.packageManagerCommand {
                        switch (pm.manager, pm.action) {
                        case (.aptGet, .install), (.apt, .install), (.apk, .install):
                            packages += pm.packageNames.map { (pm.manager, $0) }
                        case (.go, .build):
                            let cgoOff =
                                envCGODisabled
                                || (command.assignments + []).contains {
                                    $0.name == "CGO_ENABLED" && $0.value.literal == "0"
                                }
                                || invocation.environment.contains { $0.literal == "CGO_ENABLED=0" }
                            if let out = pm.outputPath?.path {
                                found = Found(
                                    kind: .go(output: Self.absolute(out, in: workdir), static: cgoOff),
                                    workdir: workdir,
                                    line: instruction.startLine)
                            } else {
                                return .refused(
                                    build: "a Go binary",
                                    reason:
                                        "`go build` at line \(instruction.startLine) has no `-o` path, so the artifact's path cannot be told",
                                    notes: ["Name the output with `go build -o /path/to/binary`."])
                            }
                        case (.cargo, .build):
                            let words = pm.options.map(\.name)
                            found = Found(
                                kind: .rust(
                                    release: words.contains("--release") || words.contains("-r"),
                                    customTarget: words.contains("--target") || words.contains("--target-dir")
                                        || words.contains("--profile") || words.contains("--manifest-path")),
                                workdir: workdir, line: instruction.startLine)
                        case (.maven, .build), (.gradle, .build):
                            found = Found(kind: .java, workdir: workdir, line: instruction.startLine)
                        case (.npm, .run(let script)) where script == "build":
                            found = Found(
                                kind: .node(usesCI: npmCI), workdir: workdir, line: instruction.startLine)
                        case (.npm, .cleanInstall):
                            npmCI = true
                        case (.dotnet, .publish):
                            guard let out = pm.outputPath?.path else {
                                return .refused(
                                    build: "a .NET app",
                                    reason:
                                        "`dotnet publish` at line \(instruction.startLine) has no `-o` folder, so the artifact's path cannot be told",
                                    notes: [])
                            }
                            found = Found(
                                kind: .dotnet(output: Self.absolute(out, in: workdir)), workdir: workdir,
                                line: instruction.startLine)
                        default: break
                        }
                    }
                    // python -m venv DIR, virtualenv DIR, uv venv DIR
                    let args = invocation.args.compactMap(\.literal)
                    var venv: String? = nil
                    if name.hasPrefix("python"), args.count >= 3, args[0] == "-m", args[1] == "venv" {
                        venv = args.dropFirst(2).last { !$0.hasPrefix("-") }
                    } else if name == "virtualenv" || (name == "uv" && args.first == "venv") {
                        venv = args.dropFirst(name == "uv" ? 1 : 0).last { !$0.hasPrefix("-") }
                    }
                    if let venv {
                        found = Found(
                            kind: .python(venv: Self.absolute(venv, in: workdir)), workdir: workdir,
                            line: instruction.startLine)
                    }
                    if ["gcc", "g++", "cc", "c++", "clang", "clang++"].contains(name) {
                        let a = invocation.args
                        if let i = a.firstIndex(where: { $0.literal == "-o" }), i + 1 < a.count,
                            let out = a[i + 1].literal
                        {
                            found = Found(
                                kind: .c(output: Self.absolute(out, in: workdir), cxx: name.contains("++")),
                                workdir: workdir,
                                line: instruction.startLine)
                        }
                    }
                    if ["make", "cmake"].contains(name),
                        found == nil || found?.kind == .c(output: nil, cxx: false)
                    {
                        found = Found(
                            kind: .c(output: nil, cxx: false), workdir: workdir, line: instruction.startLine)
                    }
                }
                if onlyUsers { userCreatingRuns.append(instruction) }
            default: break
            }
        }
        guard let found else { return nil }
        let build = found.kind.name
        // `make` alone may build a dependency rather than the program: unless CMD names what it
        // built, the stage is not reported at all.
        let quiet: Bool
        if case .c(nil, _) = found.kind { quiet = true } else { quiet = false }
        func refuse(_ reason: String, _ notes: [String] = []) -> SplitOutcome? {
            quiet ? nil : .refused(build: build, reason: reason, notes: notes)
        }
        guard workdirKnown else { return refuse("a WORKDIR uses a variable, so paths cannot be resolved") }
        guard let reference = base.reference else {
            return refuse("the base image \(base.resolved) cannot be read")
        }
        let gccImage = reference.officialName == "gcc"
        guard
            let tag = base.tag
                ?? (gccImage
                    ? BaseImageTag(
                        family: .debian, version: "", variant: .full, distro: nil, runtimeVersion: nil) : nil)
        else {
            return refuse("the base image \(base.resolved) is not in whittle's catalog")
        }
        // The program the image runs.
        let entrypoint = stage.instructions.last { $0.kind == .entrypoint }
        let cmd = stage.instructions.last { $0.kind == .cmd }
        guard let runs = entrypoint ?? cmd else {
            return refuse("there is no CMD or ENTRYPOINT, so what runs cannot be told")
        }
        let runWords: [String]
        if runs.isJSON {
            runWords = runs.value
        } else if let words = ExecFormPass.plainWords(runs.arguments) {
            runWords = words
        } else {
            runWords = runs.arguments.split(separator: " ").map(String.init)
        }
        guard let program = runWords.first else { return refuse("the \(runs.keyword.uppercased()) is empty") }
        let runArgs =
            Array(runWords.dropFirst())
            + (entrypoint != nil ? (cmd.map { $0.isJSON ? $0.value : [] } ?? []) : [])
        let finalWorkdir = workdir
        if program.hasSuffix(".sh") || ["sh", "bash", "/bin/sh", "/bin/bash", "ash"].contains(program) {
            return refuse(
                "\(runs.keyword.uppercased()) runs a shell script (`\(runWords.joined(separator: " "))`), which may need tools the runtime base lacks",
                [
                    "Run the program directly in CMD, or split the stages by hand and install what the script uses."
                ])
        }

        // The runtime base and the artifacts.
        var runtimeImage: String
        var runtimeFacts: BaseImageCatalog.Facts?
        var copies: [(from: String, to: String)] = []
        var extraRuntime: [String] = []
        func isArtifact(_ path: String, _ artifact: String) -> Bool {
            if path.contains("/") { return Self.absolute(path, in: finalWorkdir) == artifact }
            let dir = (artifact as NSString).deletingLastPathComponent
            return (artifact as NSString).lastPathComponent == path
                && ["/usr/local/bin", "/usr/bin", "/bin", "/go/bin", "/usr/local/sbin"].contains(dir)
        }
        let debianOfTag: (BaseImageTag, Double) -> String? = { tag, minimum in
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
        switch found.kind {
        case .go(let output, let isStatic):
            guard tag.family == .golang else {
                return refuse("Go is built on \(base.resolved), not on a golang image")
            }
            guard isArtifact(program, output) else {
                return refuse(
                    "\(runs.keyword.uppercased()) runs `\(program)`, not the binary `go build` writes (\(output))"
                )
            }
            if isStatic {
                runtimeImage = "gcr.io/distroless/static-debian12"
                runtimeFacts = BaseImageCatalog.facts(.distrolessStatic, .full)
                notes.append(
                    "The binary is static (CGO_ENABLED=0): distroless static has CA certificates and tzdata and nothing else."
                )
            } else {
                guard tag.variant != .alpine else {
                    return refuse(
                        "cgo is not disabled and the build image uses musl; set CGO_ENABLED=0 for a static binary"
                    )
                }
                guard let debian = debianOfTag(tag, 1.21) else {
                    return refuse(
                        "the Debian release of \(base.resolved) cannot be told, so a glibc-compatible runtime cannot be chosen"
                    )
                }
                runtimeImage = "gcr.io/distroless/base-\(debian)"
                runtimeFacts = BaseImageCatalog.facts(.distrolessBase, .full)
                notes.append(
                    "cgo is not disabled, so the binary may link glibc: distroless base has glibc, libssl and CA certificates. With CGO_ENABLED=0, distroless static (2 MB) would do."
                )
            }
            copies = [(output, output)]
        case .rust(let release, let customTarget):
            guard tag.family == .rust, tag.variant != .alpine else {
                return refuse(
                    "Rust is built on \(base.resolved); only the Debian-based rust images are handled")
            }
            guard release, !customTarget else {
                return refuse(
                    "only `cargo build --release` with the default target folder is handled, so the artifact's path cannot be told"
                )
            }
            guard
                let manifest = context.buildContext?.contents("Cargo.toml").map({
                    String(decoding: $0, as: UTF8.self)
                }),
                let name = Self.cargoBinaryName(manifest)
            else {
                return refuse(
                    "the binary's name comes from Cargo.toml, which is not in the build context whittle was given (or names no single binary)",
                    [
                        "Run whittle with the build context (`--context`), or name the binary in CMD after copying it yourself."
                    ])
            }
            let artifact = Self.absolute("target/release/" + name, in: found.workdir)
            guard isArtifact(program, artifact) || program == name else {
                return refuse(
                    "\(runs.keyword.uppercased()) runs `\(program)`, not the binary cargo builds (\(artifact))"
                )
            }
            guard let debian = debianOfTag(tag, 1.72) else {
                return refuse(
                    "the Debian release of \(base.resolved) cannot be told, so a glibc-compatible runtime cannot be chosen"
                )
            }
            runtimeImage = "gcr.io/distroless/cc-\(debian)"
            runtimeFacts = BaseImageCatalog.facts(.distrolessCC, .full)
            let destination = program == name ? "/usr/local/bin/" + name : artifact
            copies = [(artifact, destination)]
            notes.append("Rust binaries link glibc and libgcc: distroless cc has both, with CA certificates.")
        case .c(let output, let cxx):
            let artifact: String
            if let output {
                artifact = output
                guard isArtifact(program, artifact) else {
                    return refuse(
                        "\(runs.keyword.uppercased()) runs `\(program)`, not the binary the compiler writes (\(artifact))"
                    )
                }
            } else {
                guard program.contains("/") else {
                    return refuse(
                        "`make` builds something, but CMD does not name the binary by its path, so the artifact cannot be told"
                    )
                }
                artifact = Self.absolute(program, in: finalWorkdir)
                guard artifact.hasPrefix(found.workdir == "/" ? "/nonexistent" : found.workdir + "/") else {
                    return refuse(
                        "CMD runs `\(program)`, which is not in the folder `make` builds in (\(found.workdir))"
                    )
                }
            }
            switch gccImage ? .scratch : tag.family {
            case .debian:
                guard let slim = BaseImageTags.tag(tag, as: .slim), tag.variant == .full else {
                    return refuse("\(base.resolved) has no leaner variant of the same release")
                }
                runtimeImage = reference.withTag(slim)
                runtimeFacts = BaseImageCatalog.facts(.debian, .slim)
            default:
                if reference.officialName == "gcc" {
                    guard !cxx else {
                        return refuse(
                            "the gcc image's libstdc++ is newer than Debian's, so a C++ binary may not run on debian-slim"
                        )
                    }
                    let major = Int(reference.tag?.split(separator: ".").first ?? "") ?? 0
                    guard (reference.tag?.hasSuffix("-bookworm") ?? false) || (12...14).contains(major) else {
                        return refuse("the Debian release of \(base.resolved) cannot be told")
                    }
                    runtimeImage = "debian:bookworm-slim"
                    runtimeFacts = BaseImageCatalog.facts(.debian, .slim)
                } else {
                    return refuse("only debian and gcc build images are handled for C and C++")
                }
            }
            copies = [(artifact, artifact)]
            _ = cxx
            notes.append(
                "The binary keeps its shared libraries from the same Debian release; packages the build installed that are not build tools are installed again."
            )
        case .java:
            guard program == "java" || program.hasSuffix("/java"),
                let i = runArgs.firstIndex(of: "-jar"), i + 1 < runArgs.count
            else {
                return refuse(
                    "\(runs.keyword.uppercased()) does not run `java -jar <jar>`, so the jar's path cannot be told"
                )
            }
            let jar = Self.absolute(runArgs[i + 1], in: finalWorkdir)
            guard jar.contains("/target/") || jar.contains("/build/libs/") else {
                return refuse("the jar `\(runArgs[i + 1])` is not in Maven's target/ or Gradle's build/libs/")
            }
            let java: String?
            var distro: String? = nil
            switch tag.family {
            case .maven, .gradle: java = tag.runtimeVersion
            case .eclipseTemurin, .openjdk:
                java = tag.version.split(separator: ".").first.map(String.init)
                if tag.family == .eclipseTemurin { distro = tag.distro }
            default: java = nil
            }
            guard let java, Int(java) != nil else {
                return refuse("the Java version of \(base.resolved) cannot be told")
            }
            let alpine = tag.variant == .alpine || tag.variant == .jdkAlpine
            runtimeImage =
                "eclipse-temurin:\(java)-jre" + (alpine ? "-alpine" : distro.map { "-" + $0 } ?? "")
            runtimeFacts = BaseImageCatalog.facts(.eclipseTemurin, alpine ? .jreAlpine : .jre)
            let directory = (jar as NSString).deletingLastPathComponent
            copies = [(jar, jar.contains("*") ? directory + "/" : jar)]
        case .node(let usesCI):
            guard tag.family == .node,
                let slim = BaseImageTags.tag(tag, as: tag.variant == .alpine ? .alpine : .slim)
            else {
                return refuse("Node.js is built on \(base.resolved); only the node images are handled")
            }
            var entry: String? = nil
            if program == "node", let first = runArgs.first(where: { !$0.hasPrefix("-") }) {
                entry = first
            } else if program == "npm", runArgs == ["start"] || runArgs == ["run", "start"] {
                if let json = context.buildContext?.contents("package.json"),
                    let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
                    let scripts = object["scripts"] as? [String: Any], let start = scripts["start"] as? String
                {
                    let words = start.split(separator: " ").map(String.init)
                    if words.first == "node" { entry = words.dropFirst().first { !$0.hasPrefix("-") } }
                }
            }
            guard let entry else {
                return refuse(
                    "\(runs.keyword.uppercased()) does not run `node <file>` (or an `npm start` whittle can read in package.json), so the build output cannot be told"
                )
            }
            let path = Self.absolute(entry, in: finalWorkdir)
            let relative =
                path.hasPrefix(found.workdir + "/") ? String(path.dropFirst(found.workdir.count + 1)) : ""
            guard let top = relative.split(separator: "/").first, relative.contains("/"),
                ["dist", "build", "out", ".next"].contains(String(top))
            else {
                return refuse("the entry point `\(entry)` is not in a build output folder (dist/ or build/)")
            }
            runtimeImage = reference.withTag(slim)
            runtimeFacts = BaseImageCatalog.facts(.node, tag.variant == .alpine ? .alpine : .slim)
            let wd = found.workdir
            copies = [(wd + "/" + top, wd + "/" + top)]
            let install = usesCI ? "npm ci --omit=dev" : "npm install --omit=dev"
            extraRuntime.append(
                style.keyword("COPY") + " --from=\(stageNamePlaceholder) \(wd)/package*.json \(wd)/"
                    + style.newline)
            extraRuntime.append(
                style.keyword("RUN") + " " + style.andChain([install, "npm cache clean --force"])
                    + style.newline)
        case .python(let venv):
            guard tag.family == .python, tag.variant == .full, let slim = BaseImageTags.tag(tag, as: .slim)
            else {
                return refuse(
                    "the virtualenv is built on \(base.resolved); only the full python images are handled")
            }
            guard found.workdir != "/" else {
                return refuse(
                    "there is no WORKDIR, so the application's files cannot be told from the rest of the image"
                )
            }
            let bare = !program.contains("/")
            let pathHasVenv = stage.instructions.contains { i in
                i.kind == .env
                    && file.keyValues(of: i).contains {
                        $0.key == "PATH" && ($0.value(escape: file.escape) ?? "").contains(venv + "/bin")
                    }
            }
            let ok =
                program.hasPrefix("python")
                || Self.absolute(program, in: finalWorkdir).hasPrefix(venv + "/bin/")
                || (bare && pathHasVenv)
            guard ok else {
                return refuse(
                    "\(runs.keyword.uppercased()) runs `\(program)`, which is neither python nor a program of the virtualenv"
                )
            }
            runtimeImage = reference.withTag(slim)
            runtimeFacts = BaseImageCatalog.facts(.python, .slim)
            copies = [(venv, venv)]
            if !venv.hasPrefix(found.workdir + "/") {
                copies.append((found.workdir, found.workdir))
            } else {
                copies = [(found.workdir, found.workdir)]
            }
            notes.append(
                "The virtualenv's python links to the interpreter of \(runtimeImage), the same version as the build image."
            )
        case .dotnet(let output):
            guard tag.family == .dotnetSDK, let channel = BaseImageTags.dotnetChannel(tag.version) else {
                return refuse("the .NET version of \(base.resolved) cannot be told")
            }
            let dll = program == "dotnet" ? runArgs.first : program
            guard let dll, Self.absolute(dll, in: finalWorkdir).hasPrefix(output + "/") else {
                return refuse(
                    "\(runs.keyword.uppercased()) does not run a file of the publish folder \(output)")
            }
            var flavour = "aspnet"
            if let directory = context.buildContext?.directory,
                let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
            {
                let projects = names.filter { $0.hasSuffix(".csproj") || $0.hasSuffix(".fsproj") }
                if projects.count == 1,
                    let text = context.buildContext?.contents(projects[0]).map({
                        String(decoding: $0, as: UTF8.self)
                    }),
                    text.contains("Sdk=\"Microsoft.NET.Sdk\"")
                {
                    flavour = "runtime"
                }
            }
            runtimeImage =
                "mcr.microsoft.com/dotnet/\(flavour):\(channel)" + (tag.distro.map { "-" + $0 } ?? "")
            runtimeFacts = BaseImageCatalog.facts(
                flavour == "aspnet" ? .dotnetASPNET : .dotnetRuntime, tag.variant)
            copies = [(output, output)]
            if flavour == "aspnet" {
                notes.append(
                    "The ASP.NET Core runtime is chosen; use mcr.microsoft.com/dotnet/runtime for an app that is not a web app."
                )
            }
        }
        let hasShell = runtimeFacts?.hasShell ?? true
        let packageManager = runtimeFacts?.packageManager

        // System packages.
        var runtimePackages: [String] = []
        for (manager, spec) in packages {
            switch SplitStagesPackages.role(spec) {
            case .buildOnly: continue
            case .headers:
                if case .go(_, true) = found.kind { continue }
                return refuse(
                    "the build installs development headers (\(SplitStagesPackages.name(spec))), and the name of the runtime library the program then needs cannot be told",
                    [
                        "Split the stages by hand and install the matching runtime library (e.g. libpq5 for libpq-dev)."
                    ])
            case .certificatesOrZoneData:
                if runtimeFacts?.caCertificates == true
                    && (SplitStagesPackages.name(spec) == "ca-certificates" || runtimeFacts?.tzdata == true)
                {
                    continue
                }
                fallthrough
            case .runtime:
                let expected = manager == .apk ? "apk" : "apt"
                guard packageManager == expected else {
                    return refuse(
                        "the build installs \(SplitStagesPackages.name(spec)), which \(runtimeImage) cannot install (it has no \(expected))"
                    )
                }
                if !runtimePackages.contains(spec) { runtimePackages.append(spec) }
            }
        }

        // The user.
        let user = stage.instructions.last { $0.kind == .user }
        if let user {
            let name = user.arguments.split(separator: ":").first.map(String.init) ?? ""
            if name.allSatisfy(\.isNumber) || name == "root" {
                // always valid
            } else if createdUsers.contains(name) {
                guard hasShell, userCreatingRuns.contains(where: { $0.arguments.contains(name) }) else {
                    return refuse(
                        "USER \(name) is created by a RUN that does more than create it, or \(runtimeImage) cannot create users"
                    )
                }
            } else if runtimeFacts.map({ !$0.hasShell }) ?? false {
                guard ["nonroot", "nobody"].contains(name) else {
                    return refuse(
                        "USER \(name) comes from the build image and does not exist in \(runtimeImage)")
                }
            } else if tag.family == .node && name == "node" {
                // the node images all have the user node
            } else {
                return refuse("USER \(name) comes from the build image and may not exist in \(runtimeImage)")
            }
        }

        // HEALTHCHECK on a base without a shell or without the tool.
        if let health = stage.instructions.last(where: { $0.kind == .healthcheck }),
            health.arguments.uppercased() != "NONE"
        {
            let needs = StageNeeds(instructions: [health], file: file)
            if !hasShell && !needs.shell.isEmpty {
                return refuse("the HEALTHCHECK needs a shell, which \(runtimeImage) does not have")
            }
            if !hasShell {
                return refuse("the HEALTHCHECK runs a program that \(runtimeImage) may not have")
            }
            for tool in needs.fullImageTools {
                let t = String(tool.split(separator: " ").first ?? "")
                if !runtimePackages.map(SplitStagesPackages.name).contains(t) {
                    return refuse("the HEALTHCHECK uses \(t), which \(runtimeImage) does not have")
                }
            }
        }

        // CMD and ENTRYPOINT in the new base.
        var commandText: [Int: String] = [:]
        for instruction in [entrypoint, cmd].compactMap({ $0 }) where !instruction.isJSON {
            if hasShell { continue }
            guard let words = ExecFormPass.plainWords(instruction.arguments),
                instruction.continuationComments.isEmpty
            else {
                return refuse(
                    "\(instruction.keyword.uppercased()) needs a shell, which \(runtimeImage) does not have")
            }
            let json = "[" + words.map { JSONValueText.quoted($0) }.joined(separator: ", ") + "]"
            commandText[instruction.range.lowerBound] =
                style.keyword(instruction.keyword) + " " + json + style.newline
            if instruction.kind == .entrypoint {
                notes.append(
                    "The ENTRYPOINT becomes exec form (the new base has no shell): it now receives CMD as arguments."
                )
            }
        }

        // The edits: name the build stage, move the runtime instructions, append the runtime stage.
        let builderName = stage.alias ?? "build"
        var edits: [TextEdit] = []
        if stage.alias == nil {
            edits.append(.insert(" " + style.keyword("AS") + " build", at: stage.from.logicalEndSourceOffset))
        }
        let lastBuildStep =
            stage.instructions.lastIndex { [.run, .copy, .add].contains($0.kind) } ?? 0
        var runtimeText: [String] = []
        var tail: [String] = []
        var usedText = ""
        var wroteWorkdir = false
        func text(_ instruction: Instruction) -> String {
            let bytes = file.source.bytes[instruction.range]
            let t = String(decoding: bytes, as: UTF8.self)
            return bytes.last == 0x0A ? t : t + style.newline
        }
        for (n, instruction) in stage.instructions.enumerated() {
            switch instruction.kind {
            case .env:
                let keys = file.keyValues(of: instruction).map(\.key)
                if !keys.isEmpty && keys.allSatisfy(Self.buildOnlyVariables.contains) { break }
                runtimeText.append(text(instruction))
            case .workdir:
                if !wroteWorkdir && finalWorkdir != "/" {
                    runtimeText.append(style.keyword("WORKDIR") + " " + finalWorkdir + style.newline)
                    wroteWorkdir = true
                }
            case .label, .maintainer, .expose, .stopsignal, .onbuild:
                runtimeText.append(text(instruction))
                edits.append(.delete(instruction.range))
            case .volume:
                runtimeText.append(text(instruction))
                if n > lastBuildStep { edits.append(.delete(instruction.range)) }
            case .user:
                if instruction == user { tail.append(text(instruction)) }
                if n > lastBuildStep { edits.append(.delete(instruction.range)) }
            case .healthcheck:
                tail.append(text(instruction))
                edits.append(.delete(instruction.range))
            case .cmd, .entrypoint:
                if instruction == cmd || instruction == entrypoint {
                    tail.append(commandText[instruction.range.lowerBound] ?? text(instruction))
                }
                edits.append(.delete(instruction.range))
            default: break
            }
        }
        // ARGs the runtime stage uses.
        usedText = runtimeText.joined() + tail.joined()
        var argLines: [String] = []
        let globalNames = Set(file.globalArguments.flatMap { file.keyValues(of: $0).map(\.key) })
        for name in globalNames.sorted() where Self.references(usedText, name) {
            argLines.append(style.keyword("ARG") + " " + name + style.newline)
        }
        for instruction in stage.instructions where instruction.kind == .arg {
            if file.keyValues(of: instruction).contains(where: { Self.references(usedText, $0.key) }) {
                argLines.append(text(instruction))
            }
        }
        var stageText =
            style.newline + style.keyword("FROM") + " " + runtimeImage + " " + style.keyword("AS")
            + " runtime" + style.newline
        stageText += argLines.joined() + runtimeText.joined()
        if !runtimePackages.isEmpty {
            if packageManager == "apk" {
                stageText +=
                    style.keyword("RUN") + " apk add --no-cache " + runtimePackages.joined(separator: " ")
                    + style.newline
            } else {
                stageText +=
                    style.keyword("RUN") + " "
                    + style.andChain([
                        "apt-get update",
                        "apt-get install -y --no-install-recommends "
                            + runtimePackages.joined(separator: " "),
                        "rm -rf /var/lib/apt/lists/*",
                    ]) + style.newline
            }
        }
        if let user, createdUsers.contains(user.arguments.split(separator: ":").first.map(String.init) ?? "")
        {
            for run in userCreatingRuns { stageText += text(run) }
        }
        stageText += extraRuntime.map { $0.replacingOccurrences(of: stageNamePlaceholder, with: builderName) }
            .joined()
        for (from, to) in copies {
            stageText += style.keyword("COPY") + " --from=\(builderName) \(from) \(to)" + style.newline
        }
        stageText += tail.joined()
        // Append after the last byte; a file without a final newline gets one first.
        let end = file.source.bytes.count
        let endsWithNewline =
            file.source.bytes.last == 0x0A
            || edits.contains { $0.replacement.isEmpty && $0.range.upperBound == end }
        edits.append(.insert((endsWithNewline ? "" : style.newline) + stageText, at: end))
        var saved: Int? = nil
        if !gccImage, let current = BaseImageCatalog.facts(tag.family, tag.variant), let runtimeFacts {
            saved = max(0, current.bytes - runtimeFacts.bytes)
        }
        if !runtimePackages.isEmpty {
            notes.append(
                "Installed again at run time: \(runtimePackages.joined(separator: ", ")) (not build-only; whittle keeps a package when in doubt)."
            )
        }
        return .split(
            build: build + " with " + base.resolved, runtimeImage: runtimeImage, edits: edits, notes: notes,
            saved: saved)
    }

    /// ENV variables that only steer a build.
    static let buildOnlyVariables: Set<String> = [
        "CGO_ENABLED", "GOOS", "GOARCH", "GOARM", "GOAMD64", "GOFLAGS", "GOPROXY", "GOPRIVATE", "GONOSUMDB",
        "GOCACHE", "GOMODCACHE", "GO111MODULE", "CARGO_INCREMENTAL", "CARGO_NET_GIT_FETCH_WITH_CLI",
        "RUSTFLAGS",
        "DEBIAN_FRONTEND", "MAVEN_OPTS", "GRADLE_OPTS", "DOTNET_CLI_TELEMETRY_OPTOUT", "NUGET_XMLDOC_MODE",
        "PIP_NO_CACHE_DIR", "PIP_DISABLE_PIP_VERSION_CHECK", "NPM_CONFIG_LOGLEVEL",
    ]

    static func references(_ text: String, _ name: String) -> Bool {
        text.contains("$" + name) || text.contains("${" + name)
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

let stageNamePlaceholder = "\u{0}BUILDER\u{0}"
