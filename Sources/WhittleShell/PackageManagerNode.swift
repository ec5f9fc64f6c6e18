/// npm, yarn and pnpm.
enum NodeModel {
    static let npmValueOptions: Set<String> = [
        "--prefix", "--cache", "--registry", "--omit", "--include", "--only", "--loglevel", "-w",
        "--workspace",
        "--userconfig", "--tag", "--auth-type", "--scope", "--fetch-timeout", "--fetch-retries",
        "--install-strategy",
    ]
    static let npmInstall: Set<String> = [
        "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add",
    ]
    static let npmCleanInstall: Set<String> = ["ci", "clean-install", "ic", "install-clean", "isntall-clean"]
    static let npmRemove: Set<String> = ["uninstall", "remove", "rm", "r", "un", "unlink"]
    static let npmUpgrade: Set<String> = ["update", "up", "upgrade", "udpate"]
    static let npmRun: Set<String> = ["run", "run-script", "rum", "urn"]
    static let npmScripts: Set<String> = ["start", "test", "t", "tst", "restart", "stop"]

    static func readNpm(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: npmValueOptions)
        guard let first = reading.first else { return reading.make(.npm, .other(""), command, invocation) }
        if npmInstall.contains(first) { return reading.make(.npm, .install, command, invocation) }
        if npmCleanInstall.contains(first) { return reading.make(.npm, .cleanInstall, command, invocation) }
        if npmRemove.contains(first) { return reading.make(.npm, .remove, command, invocation) }
        if npmUpgrade.contains(first) { return reading.make(.npm, .upgrade, command, invocation) }
        if npmRun.contains(first) { return run(.npm, reading, command, invocation) }
        if npmScripts.contains(first) { return reading.make(.npm, .run(first), command, invocation) }
        if first == "cache", let second = reading.rest.first,
            second.literal == "clean" || second.literal == "clear"
        {
            return twoWord(.npm, .clean, reading, command, invocation)
        }
        return reading.make(.npm, .other(first), command, invocation)
    }

    static let yarnValueOptions: Set<String> = [
        "--cache-folder", "--modules-folder", "--network-timeout", "--registry", "--mutex", "--global-folder",
        "--link-folder", "--network-concurrency", "--prefix", "--cwd", "--use-yarnrc",
    ]
    static let yarnOther: Set<String> = [
        "config", "set", "info", "audit", "why", "link", "unlink", "pack", "publish", "init", "create", "dlx",
        "exec", "bin", "global", "workspaces", "workspace", "version", "versions", "licenses", "login",
        "logout",
        "outdated", "owner", "tag", "team", "check", "import", "list", "node", "plugin", "policies", "npm",
    ]

    static func readYarn(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: yarnValueOptions)
        guard let first = reading.first else {
            if reading.subcommand.isEmpty { return reading.make(.yarn, .install, command, invocation) }
            return reading.make(.yarn, .run(nil), command, invocation)
        }
        switch first {
        case "install": return reading.make(.yarn, .install, command, invocation)
        case "add": return reading.make(.yarn, .install, command, invocation)
        case "remove": return reading.make(.yarn, .remove, command, invocation)
        case "upgrade", "up": return reading.make(.yarn, .upgrade, command, invocation)
        case "run": return run(.yarn, reading, command, invocation)
        case "cache":
            if let second = reading.rest.first, second.literal == "clean" {
                return twoWord(.yarn, .clean, reading, command, invocation)
            }
            return reading.make(.yarn, .other("cache"), command, invocation)
        case "global":
            if let second = reading.rest.first, second.literal == "add" {
                return twoWord(.yarn, .install, reading, command, invocation)
            }
            return reading.make(.yarn, .other("global"), command, invocation)
        default:
            if yarnOther.contains(first) { return reading.make(.yarn, .other(first), command, invocation) }
            return reading.make(.yarn, .run(first), command, invocation)
        }
    }

    static let pnpmValueOptions: Set<String> = [
        "--filter", "-F", "--store-dir", "--reporter", "--dir", "-C", "--registry", "--prefix", "--loglevel",
    ]
    static let pnpmOther: Set<String> = [
        "exec", "dlx", "create", "init", "config", "publish", "pack", "link", "unlink", "import", "rebuild",
        "prune", "deploy", "env", "setup", "audit", "list", "ls", "outdated", "why", "licenses", "patch",
    ]

    static func readPnpm(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: pnpmValueOptions)
        guard let first = reading.first else { return reading.make(.pnpm, .other(""), command, invocation) }
        switch first {
        case "install", "i", "add": return reading.make(.pnpm, .install, command, invocation)
        case "remove", "rm", "uninstall", "un": return reading.make(.pnpm, .remove, command, invocation)
        case "update", "up", "upgrade": return reading.make(.pnpm, .upgrade, command, invocation)
        case "fetch": return reading.make(.pnpm, .download, command, invocation)
        case "run", "run-script": return run(.pnpm, reading, command, invocation)
        case "store":
            if let second = reading.rest.first, second.literal == "prune" {
                return twoWord(.pnpm, .clean, reading, command, invocation)
            }
            return reading.make(.pnpm, .other("store"), command, invocation)
        default:
            if pnpmOther.contains(first) { return reading.make(.pnpm, .other(first), command, invocation) }
            return reading.make(.pnpm, .run(first), command, invocation)
        }
    }

    /// `run NAME args...`: the script name joins the subcommand.
    static func run(
        _ manager: PackageManager, _ reading: ManagerReading, _ command: SimpleCommand,
        _ invocation: Invocation
    ) -> PackageManagerCommand {
        guard let script = reading.rest.first else {
            return reading.make(manager, .run(nil), command, invocation)
        }
        return reading.make(
            manager, .run(script.literal), command, invocation, packages: Array(reading.rest.dropFirst()),
            subcommand: reading.subcommand + [script])
    }

    /// A two-word subcommand such as `cache clean`.
    static func twoWord(
        _ manager: PackageManager, _ action: PackageAction, _ reading: ManagerReading,
        _ command: SimpleCommand,
        _ invocation: Invocation
    ) -> PackageManagerCommand {
        reading.make(
            manager, action, command, invocation, packages: Array(reading.rest.dropFirst()),
            subcommand: reading.subcommand + [reading.rest[0]])
    }
}
