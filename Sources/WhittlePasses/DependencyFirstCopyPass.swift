import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `dependency-first-copy`: copy the manifests and install the dependencies before the source,
/// so that a source change keeps the install layer cached.
public struct DependencyFirstCopyPass: Pass {
    public static let id = "dependency-first-copy"
    public static let summary =
        "Copy dependency manifests and install before copying the source, so source edits keep the install cached"
    public static let rationale = """
        The most common cause of slow rebuilds: `COPY . .` followed by the dependency install.
        Every edit of any file invalidates the COPY layer and everything after it, so the
        install runs again even though `package.json` did not change. Copying the manifests and
        lockfiles first, installing, and only then copying the source keeps the install layer
        cached until a manifest changes.

        whittle inserts, right before the source COPY (comments above it stay where they are), a
        COPY of just the manifests to the same destination with the same `--chown`, `--chmod`,
        `--link` and `--exclude`, then the install. The install RUN moves (only its install part
        when it also builds: `npm ci && npm run build` leaves `npm run build` after the source
        COPY); ENV, ARG, WORKDIR, USER and SHELL lines between the COPY and the install move
        with it. Builds that download as they go (`go build`, `mvn package`, `gradle build`,
        `cargo build`, `dotnet publish`) get a download step of their own instead.

        | ecosystem | manifests copied | before the source |
        |---|---|---|
        | npm | package.json, package-lock.json / npm-shrinkwrap.json, .npmrc, workspace members | `npm ci`, `npm install` |
        | Yarn | package.json, yarn.lock, .yarnrc(.yml), .yarn/releases, plugins, patches | `yarn install` |
        | pnpm | package.json, pnpm-lock.yaml, pnpm-workspace.yaml, .npmrc, members | `pnpm install`, `pnpm fetch` |
        | pip | every requirements file, following `-r` and `-c` | `pip install -r` |
        | Poetry | pyproject.toml, poetry.lock, poetry.toml | `poetry install --no-root` |
        | uv | pyproject.toml, uv.lock, .python-version | `uv sync --no-install-project` |
        | Pipenv | Pipfile, Pipfile.lock | `pipenv install` |
        | Go | go.mod, go.sum, go.work and its modules | `go mod download` |
        | Maven | pom.xml and its modules, .mvn, mvnw | `mvn dependency:go-offline` |
        | Gradle | build and settings scripts, gradle.properties, gradle/, gradlew | `gradle dependencies` |
        | Bundler | Gemfile, Gemfile.lock | `bundle install` |
        | Composer | composer.json, composer.lock | `composer install --no-scripts --no-autoloader`, then `composer dump-autoload` after the source |
        | Cargo | Cargo.toml, Cargo.lock | `cargo fetch` (with a placeholder src/main.rs) |
        | .NET | the project, its project references, Directory.*.props, NuGet.config | `dotnet restore` |
        | Mix | mix.exs, mix.lock | `mix deps.get` |

        whittle reads the build context (the Dockerfile's folder, or `--context`) and honours
        `.dockerignore` (or `<Dockerfile>.dockerignore`): it copies only manifests that exist
        and that the builder receives. The fix is **safe** when the context proves the
        manifests exist and nothing the install reads arrives with the source. It is
        **unsafe** when the context holds an install output that `.dockerignore` does not
        exclude (`node_modules`: the source COPY would now copy it over the installed
        packages), for Maven modules (`dependency:go-offline` may not resolve modules that
        depend on each other), for Composer scripts that now run after the source COPY, and
        without a build context (standard input), where only the files the install names
        itself (`pip install -r requirements.txt`) are proposed. whittle only reports, with
        the reason, when an install hook needs the source (`postinstall`/`prepare` scripts, a
        local path dependency, `-e .`, a gemspec), when a workspace's members cannot be listed
        with certainty (`packages/**`, Gradle's `include`, Cargo workspaces), or when another
        RUN or COPY stands between the source COPY and the install. It assumes lockfiles match
        their manifests (an install that rewrites a stale lockfile would see it replaced by the
        context's copy).

        When the whole context is copied and there is no `.dockerignore`, a separate finding
        suggests one for the ecosystems found (`.git`, `node_modules`, `__pycache__`, `target`,
        `bin`/`obj`, `.env` files, ...). whittle never creates the file itself.
        """
    public static let fixSafety = FixSafety.safe
    public static let examples = [
        PassExample(
            "Without a build context, requirements files the install names are copied first (unsafe)",
            input: """
                FROM python:3.12-slim
                WORKDIR /app
                COPY . .
                RUN pip install --no-cache-dir -r requirements.txt
                CMD ["python", "app.py"]
                """ + "\n",
            output: """
                FROM python:3.12-slim
                WORKDIR /app
                COPY requirements.txt ./
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                CMD ["python", "app.py"]
                """ + "\n", unsafeFixes: true),
        PassExample(
            "Only the install moves; the build step stays after the source",
            input: """
                FROM python:3.12-slim
                COPY --chown=app:app . /srv/app/
                WORKDIR /srv/app
                RUN pip install -r requirements/prod.txt && python manage.py collectstatic --noinput
                """ + "\n",
            output: """
                FROM python:3.12-slim
                COPY --chown=app:app requirements/prod.txt /srv/app/requirements/
                WORKDIR /srv/app
                RUN pip install -r requirements/prod.txt
                COPY --chown=app:app . /srv/app/
                RUN python manage.py collectstatic --noinput
                """ + "\n", unsafeFixes: true),
        PassExample(
            "Without a build context, npm's manifests cannot be checked: reported, left alone",
            input: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n",
            output: nil, unsafeFixes: true),
        PassExample(
            "Without a build context, go.mod cannot be checked: reported, left alone",
            input: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n",
            output: nil, unsafeFixes: true),
        PassExample(
            "Manifests already come first: nothing to do",
            input: """
                FROM node:20
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci
                COPY . .
                RUN npm run build
                """ + "\n",
            output: nil, unsafeFixes: true),
    ]

    public init() {}

    public func run(_ context: PassContext) -> [Finding] {
        var files = context.buildContext.map { ContextFiles(context: $0, dockerfilePath: context.path) }
        if let f = files, !f.isAvailable || f.ignore?.isValid == false { files = nil }
        var findings: [Finding] = []
        for stage in context.file.stages {
            findings += DependencyFirstPlanner(context: context, stage: stage, files: files).findings()
        }
        if let files, files.ignore == nil, let finding = dockerIgnoreFinding(context, files) {
            findings.append(finding)
        }
        return findings
    }

    /// The whole context is copied and there is no `.dockerignore`.
    func dockerIgnoreFinding(_ context: PassContext, _ files: ContextFiles) -> Finding? {
        guard
            let copy = context.file.instructions.lazy.compactMap({ FolderCopy($0, files: files) }).first(
                where: {
                    $0.isWholeContext
                })
        else { return nil }
        var ecosystems = Set(DockerIgnoreSuggestion.ecosystems(in: files.context))
        for instruction in context.file.instructions where instruction.kind == .run {
            guard let run = DependencyFirstRun(instruction, in: context.file) else { continue }
            for step in run.steps {
                switch step.role {
                case .install(let install): ecosystems.insert(install.ecosystem)
                case .trigger(let trigger): ecosystems.insert(trigger.ecosystem)
                default: break
                }
            }
        }
        let name = context.path == "-" ? "Dockerfile" : context.path
        let entries = DockerIgnoreSuggestion.entries(for: ecosystems.sorted(), dockerfileName: name)
        return Finding(
            passID: Self.id, severity: .info,
            message: "`\(copy.shortText)` copies the whole build context, and there is no .dockerignore",
            range: copy.instruction.keywordSourceRange
                .lowerBound..<copy.instruction.argumentsSourceRange.upperBound,
            notes: [
                "everything in the context is sent to the builder and copied: version-control data, local dependency folders, build output, secrets in .env files; any change to them also invalidates the COPY",
                "suggested .dockerignore (whittle does not create it): " + entries.joined(separator: ", "),
            ])
    }
}
