/// pip (as `pip`, `pip3`, `pip3.12`, `python -m pip`, `python3 -m pip`, `uv pip`) and
/// conda/mamba/micromamba.
enum PythonModel {
    static let pipValueOptions: Set<String> = [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
        "--extra-index-url",
        "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host", "--platform",
        "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary", "--progress-bar",
        "--cache-dir", "--src", "--upgrade-strategy", "--log", "--log-file", "--proxy", "--retries",
        "--timeout",
        "--global-option", "--install-option", "-C", "--config-settings", "--report", "--index", "--python",
        "--root-user-action", "-d", "--dest", "--exists-action", "--cert", "--client-cert",
        "--keyring-provider", "--use-feature", "--use-deprecated", "--group",
    ]

    /// `pip`, `pip3`, `pip3.12`.
    static func isPipName(_ name: String) -> Bool {
        name.hasPrefix("pip") && name.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `python`, `python3`, `python3.12`.
    static func isPythonName(_ name: String) -> Bool {
        name.hasPrefix("python") && name.dropFirst(6).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The arguments after `-m pip` in a python command line, or nil when it does not run pip.
    static func pipArguments(_ args: [Word]) -> [Word]? {
        var i = 0
        while i < args.count, let text = args[i].literal, text.hasPrefix("-") {
            if text == "-m" {
                guard i + 1 < args.count, let module = args[i + 1].literal, isPipName(module) else {
                    return nil
                }
                return Array(args[(i + 2)...])
            }
            if text.hasPrefix("-m") {
                return isPipName(String(text.dropFirst(2))) ? Array(args[(i + 1)...]) : nil
            }
            if text == "-c" { return nil }
            i += (text == "-W" || text == "-X") ? 2 : 1
        }
        return nil
    }

    static func readPip(_ command: SimpleCommand, _ invocation: Invocation, args: [Word])
        -> PackageManagerCommand
    {
        let reading = ManagerReading(args, valueOptions: pipValueOptions)
        let requirements = reading.values("-r", "--requirement").map(FileReference.init)
        let constraints = reading.values("-c", "--constraint").map(FileReference.init)
        let action: PackageAction
        switch reading.first {
        case "install": action = .install
        case "uninstall": action = .remove
        case "download": action = .download
        case "wheel": action = .build
        case "cache":
            let second = reading.rest.first?.literal
            if second == "purge" || second == "remove" {
                return reading.make(
                    .pip, .clean, command, invocation, packages: Array(reading.rest.dropFirst()),
                    subcommand: reading.subcommand + [reading.rest[0]])
            }
            action = .other("cache")
        case let other: action = .other(other ?? "")
        }
        return reading.make(
            .pip, action, command, invocation, requirementFiles: requirements, constraintFiles: constraints)
    }

    static let condaValueOptions: Set<String> = [
        "-c", "--channel", "-n", "--name", "-p", "--prefix", "--file", "--repodata-fn", "--solver",
        "--platform", "--subdir", "-r", "--root-prefix",
    ]

    static func readConda(_ manager: PackageManager, _ command: SimpleCommand, _ invocation: Invocation)
        -> PackageManagerCommand
    {
        let first = ManagerReading(invocation.args, valueOptions: condaValueOptions)
        if first.first == "env" {
            let reading = ManagerReading(
                invocation.args, valueOptions: condaValueOptions.union(["-f"]), subcommandWords: 2)
            let files = reading.values("-f", "--file").map(FileReference.init)
            let second = reading.subcommand.count > 1 ? reading.subcommand[1].literal : nil
            let action: PackageAction =
                second == "create" || second == "update" ? .install : .other("env \(second ?? "")")
            return reading.make(manager, action, command, invocation, requirementFiles: files)
        }
        let files = first.values("--file").map(FileReference.init)
        let action: PackageAction
        switch first.first {
        case "install", "create": action = .install
        case "update", "upgrade": action = .upgrade
        case "remove", "uninstall": action = .remove
        case "clean": action = .clean
        case let other: action = .other(other ?? "")
        }
        return first.make(manager, action, command, invocation, requirementFiles: files)
    }
}
