/// gem and bundler.
enum RubyModel {
    static let gemValueOptions: Set<String> = [
        "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "--platform", "-P",
        "--trust-policy", "--build-root", "-g", "--file",
    ]

    static func readGem(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: gemValueOptions)
        let action: PackageAction
        switch reading.first {
        case "install", "i": action = .install
        case "update": action = .upgrade
        case "uninstall": action = .remove
        case "cleanup": action = .clean
        case let other: action = .other(other ?? "")
        }
        return reading.make(.gem, action, command, invocation)
    }

    static let bundlerValueOptions: Set<String> = [
        "--gemfile", "--path", "--without", "--with", "--jobs", "-j", "--retry", "--binstubs",
        "--trust-policy",
        "--shebang", "--target-rbconfig",
    ]

    static func readBundler(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: bundlerValueOptions)
        let gemfiles = reading.values("--gemfile").map(FileReference.init)
        let action: PackageAction
        switch reading.first {
        case nil where reading.subcommand.isEmpty: action = .install
        case "install": action = .install
        case "update": action = .upgrade
        case "clean": action = .clean
        case "cache", "package": action = .download
        case let other: action = .other(other ?? "")
        }
        return reading.make(.bundler, action, command, invocation, requirementFiles: gemfiles)
    }
}
