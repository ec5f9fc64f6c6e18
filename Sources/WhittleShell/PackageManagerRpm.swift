/// dnf, yum, microdnf and zypper.
enum RpmModel {
    static let valueOptions: Set<String> = [
        "-c", "--config", "--setopt", "--enablerepo", "--disablerepo", "--repo", "--repoid", "--installroot",
        "--releasever", "-x", "--exclude", "--disableexcludes", "--forcearch", "-d", "--debuglevel", "-e",
        "--errorlevel", "--rpmverbosity", "--downloaddir", "--destdir", "--repofrompath", "--color",
        "--comment",
        "--enableplugin", "--disableplugin", "--advisory", "--advisories", "--bz", "--cve", "--sec-severity",
        "--platform-id",
    ]

    static func read(_ manager: PackageManager, _ command: SimpleCommand, _ invocation: Invocation)
        -> PackageManagerCommand
    {
        let reading = ManagerReading(invocation.args, valueOptions: valueOptions)
        let action: PackageAction
        switch reading.first {
        case "install", "reinstall", "localinstall", "groupinstall": action = .install
        case "group", "groups", "module":
            let second = reading.rest.first
            if second?.literal == "install" {
                return reading.make(
                    manager, .install, command, invocation, packages: Array(reading.rest.dropFirst()),
                    subcommand: reading.subcommand + [second!])
            }
            action = .other(reading.first ?? "")
        case "remove", "erase", "groupremove": action = .remove
        case "autoremove": action = .autoremove
        case "update", "upgrade", "update-minimal", "upgrade-minimal", "distro-sync", "dist-upgrade":
            action = .upgrade
        case "clean": action = .clean
        case "makecache": action = .makecache
        case "check-update", "check-upgrade": action = .update
        case let other: action = .other(other ?? "")
        }
        return reading.make(manager, action, command, invocation)
    }
}

/// SUSE's zypper (global options come before the command).
enum ZypperModel {
    static let valueOptions: Set<String> = [
        "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir",
        "--pkg-cache-dir", "--userdata", "-c", "--config", "-t", "--type", "-r", "--repo", "--from",
        "--download", "-p", "--plus-repo", "--plus-content", "--releasever",
    ]

    static func read(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: valueOptions)
        let action: PackageAction
        switch reading.first {
        case "install", "in": action = .install
        case "remove", "rm": action = .remove
        case "update", "up", "dist-upgrade", "dup", "patch": action = .upgrade
        case "refresh", "ref": action = .update
        case "clean", "cc": action = .clean
        case let other: action = .other(other ?? "")
        }
        return reading.make(.zypper, action, command, invocation)
    }
}
