/// apt-get, apt and aptitude.
enum AptModel {
    static let valueOptions: Set<String> = [
        "-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release", "-a",
        "--host-architecture", "-P", "--build-profiles", "--solver", "-F", "--display-format", "-w",
        "--width",
    ]

    static func read(_ manager: PackageManager, _ command: SimpleCommand, _ invocation: Invocation)
        -> PackageManagerCommand
    {
        let reading = ManagerReading(invocation.args, valueOptions: valueOptions)
        let action: PackageAction
        switch reading.first {
        case "update": action = .update
        case "install", "reinstall": action = .install
        case "upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade": action = .upgrade
        case "remove": action = .remove
        case "purge": action = .purge
        case "autoremove", "autopurge": action = .autoremove
        case "clean", "autoclean": action = .clean
        case let other: action = .other(other ?? "")
        }
        return reading.make(manager, action, command, invocation)
    }
}
