import Foundation
import Testing

/// `whittle.toml` / `.whittle.toml`: found from the working directory upward (the nearest wins),
/// or named with `--config`, or ignored with `--no-config`; flags override it; mistakes in it are
/// errors with their place (exit 2), unknown pass ids are usage errors (exit 64).
@Suite("Configuration")
struct ConfigTests {
    let scratch: CLIScratch
    let dockerfile: String

    init() throws {
        scratch = try CLIScratch("config")
        dockerfile = try scratch.write("project/app/Dockerfile", Sample.both)
    }

    var project: String { scratch.path("project") }
    var app: String { scratch.path("project/app") }

    func check(_ arguments: [String] = [], in directory: String) -> CLIResult {
        CLI.run(["check", "--format", "json"] + arguments + [dockerfile], in: directory)
    }

    /// The rule ids found, and whether the file would change.
    func outcome(_ result: CLIResult) -> (rules: [String], changed: Bool?) {
        guard let json = try? result.json(), let file = (json["files"] as? [[String: Any]])?.first else {
            return ([], nil)
        }
        let rules = (file["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        return (rules, file["changed"] as? Bool)
    }

    func fixed(_ arguments: [String] = [], in directory: String) -> String {
        CLI.run(["fix", "--stdout"] + arguments + [dockerfile], in: directory).stdoutText
    }

    @Test func noConfigurationMeansDefaults() {
        let result = check(in: app)
        #expect(result.exitCode == 1, "\(result)")
        #expect(outcome(result).rules == ["exec-form", "exec-form"])
        #expect(fixed(in: app) == Sample.bothSafeFixed)
    }

    @Test func discoveredFromTheWorkingDirectoryUpward() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        // From the project, from below it: found.
        #expect(outcome(check(in: project)).rules.isEmpty)
        #expect(outcome(check(in: app)).rules.isEmpty)
        let deep = try scratch.makeFolder("project/app/a/b/c")
        #expect(outcome(check(in: deep)).rules.isEmpty)
        // From elsewhere (a sibling folder), the same Dockerfile is checked without it.
        let elsewhere = try scratch.makeFolder("elsewhere")
        #expect(outcome(check(in: elsewhere)).rules.count == 2)
    }

    @Test func discoveryDependsOnTheWorkingDirectoryNotTheDockerfile() throws {
        // A whittle.toml next to the Dockerfile but below the working directory is not read.
        try scratch.write("project/app/whittle.toml", "ignore = [\"exec-form\"]\n")
        #expect(outcome(check(in: project)).rules.count == 2)
        #expect(outcome(check(in: app)).rules.isEmpty)
    }

    @Test func theNearestFileWins() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        try scratch.write("project/app/whittle.toml", "unsafe-fixes = true\n")
        #expect(fixed(in: app) == Sample.bothAllFixed)
        #expect(fixed(in: project) == Sample.both)
    }

    @Test func dotWhittleTomlIsFoundToo() throws {
        try scratch.write("project/.whittle.toml", "unsafe-fixes = true\n")
        #expect(fixed(in: app) == Sample.bothAllFixed)
    }

    @Test func whittleTomlIsPreferredToDotWhittleTomlInOneFolder() throws {
        try scratch.write("project/whittle.toml", "unsafe-fixes = true\n")
        try scratch.write("project/.whittle.toml", "ignore = [\"exec-form\"]\n")
        #expect(fixed(in: app) == Sample.bothAllFixed)
    }

    @Test func configFlagNamesTheFile() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        let named = try scratch.write("settings/ci.toml", "unsafe-fixes = true\n")
        // The named file replaces the discovered one (not merged with it).
        #expect(fixed(["--config", named], in: app) == Sample.bothAllFixed)
    }

    @Test func noConfigIgnoresTheFile() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        #expect(outcome(check(["--no-config"], in: app)).rules.count == 2)
    }

    @Test func flagsOverrideTheFile() throws {
        try scratch.write("project/whittle.toml", "unsafe-fixes = true\n")
        #expect(fixed(["--no-unsafe-fixes"], in: app) == Sample.bothSafeFixed)

        try scratch.write("project/whittle.toml", "unsafe-fixes = false\n")
        #expect(fixed(["--unsafe-fixes"], in: app) == Sample.bothAllFixed)

        try scratch.write("project/whittle.toml", "select = [\"all\"]\n")
        #expect(outcome(check(["--ignore", "exec-form"], in: app)).rules.isEmpty)

        try scratch.write("project/whittle.toml", "select = []\n")
        #expect(outcome(check(["--select", "exec-form"], in: app)).rules.count == 2)
    }

    @Test func commandLineIgnoreAddsToTheFilesIgnore() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        #expect(outcome(check(["--ignore", "exec-form"], in: app)).rules.isEmpty)
    }

    @Test
    func commandLineSelectOverridesTheFilesIgnore() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        #expect(outcome(check(["--select", "exec-form"], in: app)).rules.count == 2)
    }

    @Test func selectAndIgnoreAreHonoured() throws {
        try scratch.write("project/whittle.toml", "select = [\"exec-form\"]\n")
        #expect(outcome(check(in: app)).rules.count == 2)
        try scratch.write("project/whittle.toml", "select = [\"all\"]\n")
        #expect(outcome(check(in: app)).rules.count == 2)
        try scratch.write("project/whittle.toml", "select = []\n")
        #expect(outcome(check(in: app)).rules.isEmpty)
        try scratch.write("project/whittle.toml", "ignore = [\"exec-form\"]\n")
        #expect(outcome(check(in: app)).rules.isEmpty)
        try scratch.write("project/whittle.toml", "ignore = [\"all\"]\n")
        #expect(outcome(check(in: app)).rules.isEmpty)
        #expect(check(in: app).exitCode == 0)
    }

    @Test func passTablesAndCacheStyleAreAccepted() throws {
        try scratch.write(
            "project/whittle.toml",
            """
            # whittle settings
            select = ["all"]
            ignore = []
            unsafe-fixes = false
            cache-style = "mounts"

            [passes.exec-form]
            some-option = 3
            another = "text"

            """)
        let result = check(in: app)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.isEmpty)
    }

    @Test func anUnknownKeyIsAnError() throws {
        let config = try scratch.write("project/whittle.toml", "unsafe_fixes = true\n")
        let result = check(in: app)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "\(config):1:1: error: unknown key 'unsafe_fixes' (known: select, ignore, unsafe-fixes, cache-style, [passes.<id>])\n"
        )
    }

    @Test
    func anUnknownKeyIsReportedAtItsPlace() throws {
        let config = try scratch.write(
            "project/whittle.toml", "# settings\nselect = [\"all\"]\n  bogus = 1\n")
        let result = check(in: app)
        #expect(result.stderr.hasPrefix("\(config):3:3: error: unknown key 'bogus'"), "\(result)")
    }

    @Test(arguments: [
        ("select = \"exec-form\"\n", "'select' must be a list of pass ids"),
        ("unsafe-fixes = \"yes\"\n", "'unsafe-fixes' must be true or false"),
        ("cache-style = \"tidy\"\n", "'cache-style' must be \"clean\" or \"mounts\""),
        ("passes = 1\n", "'passes' must be a table"),
        ("[passes.exec-form]\nx = [1]\n", "'passes.exec-form.x' must be a string, number or boolean"),
    ])
    func badValuesAreErrors(_ text: String, _ message: String) throws {
        let config = try scratch.write("project/whittle.toml", text)
        let result = check(in: app)
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderr.hasPrefix("\(config):"), "\(result)")
        #expect(result.stderr.contains(": error: \(message)"), "\(result)")
        #expect(result.stderrLines.count == 1)
    }

    @Test func aTOMLSyntaxErrorHasItsLineAndColumn() throws {
        let config = try scratch.write("project/whittle.toml", "select = [\"all\"]\nignore = [\n")
        let result = check(in: app)
        #expect(result.exitCode == 2)
        let line = result.stderrLines.first ?? ""
        #expect(Expect.isErrorLine(line, path: config, line: 2), "\(result)")
    }

    @Test func aBadConfigurationStopsEveryCommand() throws {
        try scratch.write("project/whittle.toml", "bogus = 1\n")
        for command in ["diff", "fix", "check"] {
            let result = CLI.run([command, dockerfile], in: app)
            #expect(result.exitCode == 2, "\(command): \(result)")
            #expect(result.stdout.isEmpty)
        }
        #expect(scratch.text("project/app/Dockerfile") == Sample.both)
        // --no-config gets past it.
        #expect(CLI.run(["check", "--no-config", dockerfile], in: app).exitCode == 1)
    }

    @Test func aMissingConfigFile() {
        let missing = scratch.path("nope.toml")
        let result = check(["--config", missing], in: app)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "\(missing):1:1: error: cannot read the configuration file\n")
    }

    @Test func anUnknownPassIDInTheFileIsAUsageError() throws {
        try scratch.write("project/whittle.toml", "ignore = [\"merge-runz\"]\n")
        Expect.usageError(check(in: app), mentioning: "unknown pass id 'merge-runz'")
        try scratch.write("project/whittle.toml", "select = [\"exec-form\", \"nope\"]\n")
        Expect.usageError(check(in: app), mentioning: "unknown pass id 'nope'")
    }

    @Test func anUnknownPassIDOnTheCommandLineIsAUsageError() {
        let result = check(["--select", "exec-form,nope"], in: app)
        Expect.usageError(result, mentioning: "unknown pass id 'nope'")
        #expect(result.stderrLines.last == "Run 'whittle rules' to list the passes.")
    }

    @Test func commaSeparatedAndRepeatedIDs() {
        #expect(outcome(check(["--select", "exec-form, all"], in: app)).rules.count == 2)
        #expect(outcome(check(["--select", "all", "--select", "exec-form"], in: app)).rules.count == 2)
        #expect(outcome(check(["--ignore", "all"], in: app)).rules.isEmpty)
    }
}
