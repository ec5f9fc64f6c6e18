import Foundation
import WhittleEngine

/// A `.dockerignore` to suggest when the whole build context is copied and there is none.
/// whittle never writes the file by itself; a CLI option can write `content(for:)` on request.
public enum DockerIgnoreSuggestion {
    /// Entries for every project.
    static let common = [
        ".git", ".hg", ".svn", ".idea", ".vscode", "**/.DS_Store", ".env", ".env.*", "*.pem", "*.key",
        "docker-compose*.yml", "compose*.yaml", ".dockerignore",
    ]

    /// Entries per ecosystem: local dependency folders, caches and build output.
    static func entries(for ecosystem: Ecosystem) -> [String] {
        switch ecosystem {
        case .npm, .yarn, .pnpm:
            [
                "**/node_modules", "npm-debug.log*", "yarn-debug.log*", "yarn-error.log*", ".pnpm-store",
                "coverage",
            ]
        case .pip, .poetry, .uv, .pipenv:
            [
                "**/__pycache__", "**/*.py[cod]", ".venv", "venv", ".pytest_cache", ".mypy_cache",
                ".ruff_cache", ".tox",
                "*.egg-info", ".coverage",
            ]
        case .go: ["*.test", "*.out"]
        case .maven: ["target", "**/target"]
        case .gradle: [".gradle", "build", "**/build"]
        case .bundler: [".bundle", "vendor/bundle", "log", "tmp"]
        case .composer: ["vendor"]
        case .cargo: ["target"]
        case .dotnet: ["**/bin", "**/obj", "*.user"]
        case .mix: ["_build", "deps"]
        }
    }

    /// The suggested file: common entries, the Dockerfile itself, then a section per ecosystem.
    public static func content(for ecosystems: [Ecosystem], dockerfileName: String = "Dockerfile") -> String {
        var out = "# Suggested by whittle (dependency-first-copy): review before use.\n"
        var seen: Set<String> = []
        func section(_ title: String, _ entries: [String]) {
            let fresh = entries.filter { seen.insert($0).inserted }
            guard !fresh.isEmpty else { return }
            out += "\n# \(title)\n" + fresh.map { $0 + "\n" }.joined()
        }
        var name = (dockerfileName as NSString).lastPathComponent
        if name.isEmpty || name == "-" { name = "Dockerfile" }
        section("Version control, editors, secrets and Docker files", common + [name])
        var done: Set<String> = []
        for ecosystem in ecosystems.sorted() {
            let title = sectionTitle(ecosystem)
            guard done.insert(title).inserted else { continue }
            section(title, entries(for: ecosystem))
        }
        return out
    }

    /// The entries of `content(for:)`, without comments.
    public static func entries(for ecosystems: [Ecosystem], dockerfileName: String = "Dockerfile") -> [String]
    {
        content(for: ecosystems, dockerfileName: dockerfileName).split(separator: "\n").map(String.init)
            .filter {
                !$0.hasPrefix("#") && !$0.isEmpty
            }
    }

    static func sectionTitle(_ ecosystem: Ecosystem) -> String {
        switch ecosystem {
        case .npm, .yarn, .pnpm: "Node.js"
        case .pip, .poetry, .uv, .pipenv: "Python"
        case .go: "Go"
        case .maven: "Maven"
        case .gradle: "Gradle"
        case .bundler: "Ruby"
        case .composer: "PHP"
        case .cargo: "Rust"
        case .dotnet: ".NET"
        case .mix: "Elixir"
        }
    }

    /// The ecosystems whose manifests sit at the root of `context`.
    public static func ecosystems(in context: BuildContext) -> [Ecosystem] {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: context.directory)) ?? [])
        var out: [Ecosystem] = []
        if names.contains("package.json") {
            out.append(names.contains("yarn.lock") ? .yarn : names.contains("pnpm-lock.yaml") ? .pnpm : .npm)
        }
        if names.contains(where: { $0.hasPrefix("requirements") && $0.hasSuffix(".txt") }) {
            out.append(.pip)
        }
        if names.contains("poetry.lock") { out.append(.poetry) }
        if names.contains("uv.lock") { out.append(.uv) }
        if names.contains("Pipfile") { out.append(.pipenv) }
        if names.contains("pyproject.toml") && !out.contains(where: { [.poetry, .uv, .pip].contains($0) }) {
            out.append(.pip)
        }
        if names.contains("go.mod") || names.contains("go.work") { out.append(.go) }
        if names.contains("pom.xml") { out.append(.maven) }
        if names.contains(where: { $0.hasPrefix("build.gradle") || $0.hasPrefix("settings.gradle") }) {
            out.append(.gradle)
        }
        if names.contains("Gemfile") { out.append(.bundler) }
        if names.contains("composer.json") { out.append(.composer) }
        if names.contains("Cargo.toml") { out.append(.cargo) }
        if names.contains(where: { n in
            [".sln", ".slnx", ".csproj", ".fsproj", ".vbproj"].contains { n.hasSuffix($0) }
        }) {
            out.append(.dotnet)
        }
        if names.contains("mix.exs") { out.append(.mix) }
        return out
    }
}
