/// Alpine's apk.
enum ApkModel {
    static let valueOptions: Set<String> = [
        "-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir",
        "--repositories-file",
        "--cache-dir", "--cache-max-age", "--progress-fd", "--wait", "--timeout",
    ]

    static func read(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: valueOptions)
        let virtual = reading.values("-t", "--virtual").first?.literal
        switch reading.first {
        case "add": return reading.make(.apk, .install, command, invocation, virtualPackage: virtual)
        case "del": return reading.make(.apk, .remove, command, invocation)
        case "update": return reading.make(.apk, .update, command, invocation)
        case "upgrade": return reading.make(.apk, .upgrade, command, invocation)
        case "cache":
            let second = reading.rest.first
            if second?.literal == "clean" || second?.literal == "purge" {
                return reading.make(
                    .apk, .clean, command, invocation, packages: Array(reading.rest.dropFirst()),
                    subcommand: reading.subcommand + [second!])
            }
            return reading.make(.apk, .other("cache"), command, invocation)
        case let other:
            return reading.make(.apk, .other(other ?? ""), command, invocation)
        }
    }
}
