import Foundation
import Testing
import WhittleEngine
import WhittleShell
import WhittleSyntax

@testable import WhittlePasses

/// `dependency-first-copy` pieces that the golden cases do not show one by one.
struct DependencyFirstCopyTests {
    // MARK: - Command roles

    enum Kind: Equatable, CustomStringConvertible {
        case install(Ecosystem), trigger(Ecosystem), setup, prelude, other
        var description: String {
            switch self {
            case .install(let e): "install(\(e))"
            case .trigger(let e): "trigger(\(e))"
            case .setup: "setup"
            case .prelude: "prelude"
            case .other: "other"
            }
        }
    }

    static func kind(_ text: String) -> Kind {
        let script = parseShell(ShellSource(text))
        guard let command = script.commands.first else { return .other }
        switch EcosystemCommands.role(of: command, in: script) {
        case .install(let i): return .install(i.ecosystem)
        case .trigger(let t): return .trigger(t.ecosystem)
        case .setup: return .setup
        case .prelude: return .prelude
        case .other: return .other
        }
    }

    static let roles: [(String, Kind)] = [
        ("npm ci", .install(.npm)),
        ("npm install --omit=dev", .install(.npm)),
        ("npm install express", .other),
        ("npm install -g pm2", .setup),
        ("npm --prefix web ci", .other),
        ("yarn", .install(.yarn)),
        ("yarn install --frozen-lockfile", .install(.yarn)),
        ("yarn add react", .other),
        ("yarn build", .other),
        ("pnpm install --frozen-lockfile", .install(.pnpm)),
        ("pnpm fetch --prod", .install(.pnpm)),
        ("pnpm --filter web install", .other),
        ("pip install -r requirements.txt", .install(.pip)),
        ("python3 -m pip install --no-cache-dir -r req/prod.txt -c constraints.txt", .install(.pip)),
        ("pip install --upgrade pip setuptools", .setup),
        ("pip install .", .other),
        ("pip install -e .", .other),
        ("pip install -r requirements.txt ./wheels/app.whl", .other),
        ("pip install -r $REQS", .other),
        ("pip install --target ./libs -r requirements.txt", .other),
        ("uv pip install --system -r requirements.txt", .install(.pip)),
        ("poetry install --no-root", .install(.poetry)),
        ("poetry install --only-root", .other),
        ("poetry config virtualenvs.create false", .setup),
        ("poetry config --local virtualenvs.in-project true", .other),
        ("uv sync --frozen", .install(.uv)),
        ("uv sync --package api", .other),
        ("uv venv /opt/venv", .setup),
        ("pipenv install --system --deploy", .install(.pipenv)),
        ("pipenv install requests", .other),
        ("go mod download", .install(.go)),
        ("go build -o /app ./cmd/app", .trigger(.go)),
        ("go build -mod=vendor ./...", .other),
        ("GOFLAGS=-mod=vendor go build ./...", .other),
        ("go install github.com/air-verse/air@latest", .setup),
        ("go test ./...", .trigger(.go)),
        ("mvn -B dependency:go-offline", .install(.maven)),
        ("./mvnw -B package -DskipTests", .trigger(.maven)),
        ("mvn -o package", .other),
        ("gradle dependencies", .install(.gradle)),
        ("./gradlew build --no-daemon", .trigger(.gradle)),
        ("gradle -p sub build", .other),
        ("bundle install --jobs 4", .install(.bundler)),
        ("bundle config set --local path vendor/bundle", .other),
        ("gem install bundler -v 2.5.0", .setup),
        ("composer install --no-dev", .install(.composer)),
        ("composer require monolog/monolog", .other),
        ("cargo build --release", .trigger(.cargo)),
        ("cargo fetch", .trigger(.cargo)),
        ("cargo build --offline", .other),
        ("cargo install ripgrep", .setup),
        ("dotnet restore", .install(.dotnet)),
        ("dotnet publish -c Release -o /out", .trigger(.dotnet)),
        ("dotnet publish --no-restore -o /out", .other),
        ("mix deps.get --only prod", .install(.mix)),
        ("mix local.hex --force", .setup),
        ("mix compile", .other),
        ("apt-get install -y git", .setup),
        ("rm -rf /var/lib/apt/lists/*", .setup),
        ("rm -rf node_modules/.cache", .other),
        ("npm cache clean --force", .setup),
        ("set -eux", .prelude),
        ("cd /app", .prelude),
        ("cd $APP", .other),
        ("export PATH=/opt/venv/bin:$PATH", .prelude),
        ("python -m venv /opt/venv", .setup),
        ("python -m venv .venv", .other),
        ("make", .other),
    ]

    @Test(arguments: roles.indices)
    func role(_ index: Int) {
        let (text, expected) = Self.roles[index]
        #expect(Self.kind(text) == expected, "\(text)")
    }

    // MARK: - Reading manifests

    @Test func requirementsLines() {
        let text = "# top\nflask==3.0 \\\n  --hash=sha256:abc\n\n-r base.txt # base\nrequests  # http\n"
        #expect(
            EcosystemManifests.requirementLines(text) == [
                "flask==3.0    --hash=sha256:abc", "-r base.txt", "requests",
            ])
        #expect(EcosystemManifests.optionAndValue(["-rbase.txt"]) == ("-r", "base.txt"))
        #expect(EcosystemManifests.optionAndValue(["--requirement=a.txt"]) == ("--requirement", "a.txt"))
        #expect(EcosystemManifests.optionAndValue(["-c", "c.txt"]) == ("-c", "c.txt"))
    }

    @Test func pnpmWorkspaceFile() throws {
        let block = try EcosystemManifests.pnpmWorkspacePackages(
            "packages:\n  # apps\n  - 'apps/*'\n  - \"packages/*\" # libs\n  - '!packages/old'\ncatalog:\n  react: ^18\n"
        ).get()
        #expect(block == ["apps/*", "packages/*", "!packages/old"])
        let flow = try EcosystemManifests.pnpmWorkspacePackages("packages: ['a/*', \"b\"]\n").get()
        #expect(flow == ["a/*", "b"])
        #expect((try? EcosystemManifests.pnpmWorkspacePackages("catalog:\n  x: 1\n").get()) == nil)
        #expect(
            (try? EcosystemManifests.pnpmWorkspacePackages(
                "packages:\n  - 'a/*'\npatchedDependencies:\n  x: patches/x.patch\n"
            ).get()) == nil)
    }

    @Test func folderWildcards() {
        #expect(EcosystemManifests.wildcard("*", "web"))
        #expect(EcosystemManifests.wildcard("app-*", "app-web"))
        #expect(!EcosystemManifests.wildcard("app-*", "lib-web"))
        #expect(EcosystemManifests.wildcard("p?", "p1"))
        #expect(!EcosystemManifests.wildcard("p?", "p12"))
    }

    @Test func goFiles() {
        let work = "go 1.22\n\nuse (\n\t./svc // service\n\t\"./lib\"\n)\nuse ./tools\n"
        #expect(EcosystemManifests.goDirectives(work, "use") == ["./svc", "./lib", "./tools"])
        let mod = """
            module example.com/app

            replace example.com/a => ./a
            replace (
                example.com/b v1.0.0 => ../b
                example.com/c => example.com/c v1.2.0
            )
            """
        #expect(EcosystemManifests.localReplacements(mod) == ["./a", "../b"])
    }

    @Test func dotnetFiles() {
        let sln = """
            Project("{FAE04EC0}") = "Api", "src\\Api\\Api.csproj", "{1}"
            EndProject
            Project("{2150E333}") = "docs", "docs", "{2}"
            EndProject
            """
        #expect(EcosystemManifests.solutionProjects(sln) == ["src/Api/Api.csproj"])
        let slnx = "<Solution>\n  <Project Path=\"src/Lib/Lib.fsproj\" />\n</Solution>\n"
        #expect(EcosystemManifests.solutionProjects(slnx) == ["src/Lib/Lib.fsproj"])
        let csproj =
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n<!-- <Import Project=\"x.props\" /> -->\n<ItemGroup><ProjectReference Include=\"..\\Core\\Core.csproj\" /></ItemGroup>\n</Project>"
        #expect(
            EcosystemManifests.attributeValues(csproj, element: "ProjectReference", attribute: "Include") == [
                "../Core/Core.csproj"
            ])
        #expect(!EcosystemManifests.hasCustomImport(csproj))
        #expect(EcosystemManifests.hasCustomImport("<Import Project=\"../common.props\" />"))
    }

    // MARK: - Paths

    @Test func imagePaths() {
        let app = ImagePath(absolute: true, parts: ["app"])
        #expect(app.resolving("src/../lib") == ImagePath(absolute: true, parts: ["app", "lib"]))
        #expect(app.resolving("/srv") == ImagePath(absolute: true, parts: ["srv"]))
        #expect(ImagePath.stageStart.resolving("..") == nil)
        #expect(
            ImagePath(absolute: true, parts: []).resolving("../x") == ImagePath(absolute: true, parts: ["x"]))
        #expect(ImagePath(absolute: true, parts: ["app", "web"]).relative(to: app) == ["web"])
        #expect(ImagePath.stageStart.relative(to: app) == nil)
        #expect(ContextPath.normalize("./a//b/../c") == "a/c")
        #expect(ContextPath.normalize("../a") == nil)
        #expect(ContextPath.relative("web/package.json", to: "web") == "package.json")
        #expect(ContextPath.relative("webapp/x", to: "web") == nil)
    }

    @Test(arguments: [
        (".", "", "./"), (".", "packages/a", "packages/a/"), ("./", "", "./"), ("/app", "", "/app/"),
        ("/app/", "lib", "/app/lib/"), ("app", "", "app/"), ("app", "x/y", "app/x/y/"),
    ])
    func destinations(_ destination: String, _ folder: String, _ expected: String) throws {
        let file = try Dockerfile.parse("FROM scratch\nCOPY . \(destination)\n")
        let copy = try #require(FolderCopy(file.instructions[1], files: nil))
        #expect(copy.destination(for: folder) == expected)
    }

    // MARK: - The suggested .dockerignore

    @Test func dockerIgnoreSuggestion() {
        let content = DockerIgnoreSuggestion.content(
            for: [.pip, .npm, .yarn], dockerfileName: "docker/web.Dockerfile")
        #expect(content.hasPrefix("# Suggested by whittle"))
        #expect(content.contains("\n# Node.js\n**/node_modules\n"))
        #expect(content.contains("\n# Python\n**/__pycache__\n"))
        #expect(content.contains("\nweb.Dockerfile\n"))
        #expect(content.contains("\n.git\n"))
        let entries = DockerIgnoreSuggestion.entries(for: [.dotnet, .maven, .cargo])
        #expect(entries.contains("**/bin") && entries.contains("**/obj") && entries.contains("target"))
        #expect(Set(entries).count == entries.count, "no entry twice")
        // Every suggested line is a valid pattern.
        #expect(DockerIgnore(content).isValid)
    }

    // MARK: - Through the pass, with a build context on disk

    static func temporaryContext(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "whittle-depfirst-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func fix(_ dockerfile: String, path: String, context: URL?) throws -> OptimizationResult {
        let configuration = Configuration(select: [DependencyFirstCopyPass.id], unsafeFixes: true)
        return Optimizer(passes: PassCatalog.all, configuration: configuration).run(
            try Dockerfile.parse(dockerfile), path: path,
            buildContext: context.map { BuildContext(directory: $0.path) })
    }

    static let npmFile = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"

    @Test func dockerfileSpecificIgnoreFile() throws {
        let folder = try Self.temporaryContext([
            "package.json": "{}", "package-lock.json": "{}", ".dockerignore": "node_modules\n",
            "web.Dockerfile.dockerignore": "package-lock.json\nnode_modules\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let specific = try Self.fix(
            Self.npmFile, path: folder.appendingPathComponent("web.Dockerfile").path, context: folder)
        #expect(String(decoding: specific.output, as: UTF8.self).contains("COPY package.json ./\n"))
        let plain = try Self.fix(
            Self.npmFile, path: folder.appendingPathComponent("Dockerfile").path, context: folder)
        #expect(
            String(decoding: plain.output, as: UTF8.self).contains("COPY package.json package-lock.json ./\n")
        )
        #expect(plain.findings.allSatisfy { $0.severity != .info }, "there is a .dockerignore")
    }

    @Test func malformedIgnoreFileMeansNoContext() throws {
        let folder = try Self.temporaryContext(["package.json": "{}", ".dockerignore": "[oops\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.fix(Self.npmFile, path: "Dockerfile", context: folder)
        #expect(!result.changed)
        #expect(result.findings.contains { $0.notes.contains { $0.contains("without the build context") } })
    }

    @Test func missingContextFolderMeansNoContext() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "whittle-none-\(UUID().uuidString)")
        let result = try Self.fix(
            "FROM python:3\nCOPY . .\nRUN pip install -r requirements.txt\n", path: "Dockerfile",
            context: folder)
        #expect(
            String(decoding: result.output, as: UTF8.self).hasPrefix(
                "FROM python:3\nCOPY requirements.txt ./\n"))
        #expect(result.applied.first?.fix?.safety == .unsafe)
    }

    @Test func ignoredManifestIsNotCopied() throws {
        let folder = try Self.temporaryContext([
            "requirements.txt": "-r dev.txt\n", "dev.txt": "pytest\n", ".dockerignore": "dev.txt\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.fix(
            "FROM python:3\nCOPY . .\nRUN pip install -r requirements.txt\n", path: "Dockerfile",
            context: folder)
        #expect(!result.changed)
        #expect(
            result.findings.contains {
                $0.notes.contains { $0.contains("dev.txt is excluded by .dockerignore") }
            })
    }
}
