/// composer, go, cargo, Maven, Gradle and dotnet.
enum BuildToolModels {
    static let composerValueOptions: Set<String> = [
        "-d", "--working-dir", "--prefer-install", "--stability", "-s",
    ]

    static func readComposer(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: composerValueOptions)
        let action: PackageAction
        switch reading.first {
        case "install", "i", "create-project": action = .install
        case "require", "r": action = .install
        case "update", "u", "upgrade": action = .upgrade
        case "remove", "rm": action = .remove
        case "clear-cache", "clearcache", "cc": action = .clean
        case let other: action = .other(other ?? "")
        }
        return reading.make(.composer, action, command, invocation)
    }

    static let goValueOptions: Set<String> = [
        "-o", "-ldflags", "-gcflags", "-asmflags", "-tags", "-mod", "-modfile", "-p", "-buildmode", "-C",
        "-pkgdir", "-overlay", "-pgo", "-toolexec", "-compiler", "-gccgoflags", "-installsuffix", "-exec",
        "-run", "-bench", "-count", "-timeout", "-coverprofile", "-covermode", "-coverpkg",
    ]

    static func readGo(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: goValueOptions, style: .singleDash)
        let output = reading.values("-o").first.map(FileReference.init)
        switch reading.first {
        case "build": return reading.make(.go, .build, command, invocation, outputPath: output)
        case "install", "get": return reading.make(.go, .install, command, invocation)
        case "clean": return reading.make(.go, .clean, command, invocation)
        case "mod":
            guard let second = reading.rest.first else {
                return reading.make(.go, .other("mod"), command, invocation)
            }
            let action: PackageAction = second.literal == "download" ? .download : .other("mod \(second.raw)")
            return reading.make(
                .go, action, command, invocation, packages: Array(reading.rest.dropFirst()),
                subcommand: reading.subcommand + [second])
        case let other:
            return reading.make(.go, .other(other ?? ""), command, invocation)
        }
    }

    static let cargoValueOptions: Set<String> = [
        "--target", "--bin", "-p", "--package", "--features", "-F", "--manifest-path", "--target-dir",
        "--path",
        "--root", "-j", "--jobs", "--profile", "--git", "--branch", "--tag", "--rev", "--version", "--vers",
        "--registry", "--index", "--example", "--config", "-Z", "--color", "--message-format",
    ]

    static func readCargo(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: cargoValueOptions)
        let action: PackageAction
        switch reading.first {
        case "build", "b": action = .build
        case "fetch", "vendor": action = .download
        case "install": action = .install
        case "clean": action = .clean
        case "update": action = .upgrade
        case let other: action = .other(other ?? "")
        }
        let root = reading.values("--root").first.map(FileReference.init)
        return reading.make(.cargo, action, command, invocation, outputPath: action == .install ? root : nil)
    }

    static let mavenValueOptions: Set<String> = [
        "-P", "-pl", "--projects", "-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-T",
        "--threads", "-rf", "--resume-from", "-l", "--log-file", "-t", "--toolchains", "-b", "--builder",
        "--activate-profiles",
    ]
    static let mavenBuildGoals: Set<String> = [
        "package", "install", "verify", "compile", "deploy", "test-compile", "spring-boot:repackage",
    ]

    static func readMaven(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(
            invocation.args, valueOptions: mavenValueOptions, style: .singleDash, subcommandWords: 0)
        let goals = reading.rest.compactMap(\.literal)
        let action: PackageAction
        if goals.contains(where: mavenBuildGoals.contains) {
            action = .build
        } else if goals.contains(where: {
            $0.hasPrefix("dependency:") || $0.hasSuffix(":resolve-dependencies")
        }) {
            action = .download
        } else {
            action = .other(goals.joined(separator: " "))
        }
        return reading.make(.maven, action, command, invocation)
    }

    static let gradleValueOptions: Set<String> = [
        "-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "-g",
        "--gradle-user-home", "-I", "--init-script", "--console", "--warning-mode", "--max-workers",
    ]
    static let gradleBuildTasks: Set<String> = [
        "build", "assemble", "bootJar", "shadowJar", "installDist", "jar", "war", "bootWar", "distTar",
        "distZip",
        "installBootDist", "nativeCompile",
    ]

    static func readGradle(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: gradleValueOptions, subcommandWords: 0)
        let tasks = reading.rest.compactMap(\.literal).map {
            $0.split(separator: ":").last.map(String.init) ?? $0
        }
        let action: PackageAction
        if tasks.contains(where: gradleBuildTasks.contains) {
            action = .build
        } else if tasks.contains(where: { $0 == "dependencies" || $0.lowercased().contains("dependencies") })
        {
            action = .download
        } else {
            action = .other(tasks.joined(separator: " "))
        }
        return reading.make(.gradle, action, command, invocation)
    }

    static let dotnetValueOptions: Set<String> = [
        "-o", "--output", "-c", "--configuration", "-r", "--runtime", "-f", "--framework", "-s", "--source",
        "-v",
        "--verbosity", "-a", "--arch", "--os", "--packages", "--configfile", "-p", "--property",
        "--version-suffix",
        "--version", "--tool-path",
    ]

    static func readDotnet(_ command: SimpleCommand, _ invocation: Invocation) -> PackageManagerCommand {
        let reading = ManagerReading(invocation.args, valueOptions: dotnetValueOptions)
        let output = reading.values("-o", "--output").first.map(FileReference.init)
        switch reading.first {
        case "restore": return reading.make(.dotnet, .restore, command, invocation)
        case "publish": return reading.make(.dotnet, .publish, command, invocation, outputPath: output)
        case "build": return reading.make(.dotnet, .build, command, invocation, outputPath: output)
        case "tool":
            if let second = reading.rest.first, second.literal == "install" {
                return reading.make(
                    .dotnet, .install, command, invocation, packages: Array(reading.rest.dropFirst()),
                    subcommand: reading.subcommand + [second])
            }
            return reading.make(.dotnet, .other("tool"), command, invocation)
        case "nuget":
            if reading.rest.first?.literal == "locals"
                && reading.parsed.options.contains(where: { $0.name == "--clear" })
            {
                return reading.make(.dotnet, .clean, command, invocation)
            }
            return reading.make(.dotnet, .other("nuget"), command, invocation)
        case let other:
            return reading.make(.dotnet, .other(other ?? ""), command, invocation)
        }
    }
}
