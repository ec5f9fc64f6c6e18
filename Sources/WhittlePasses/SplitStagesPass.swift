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
                        note: saved == nil ? "the build tools and sources leave the image" : nil,
                        removedPaths: ["/"]),
                    fix: Fix(
                        title: "Split into a build stage and a runtime stage from \(runtimeImage)",
                        safety: .unsafe, edits: edits))
            ]
        }
    }
}
