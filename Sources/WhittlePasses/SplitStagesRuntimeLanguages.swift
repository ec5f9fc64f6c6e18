import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// The runtime base for the builds that run on a language runtime: Java, Node.js, Python and .NET.
extension SplitStagesPlanner {
    /// Java: the jar `java -jar` runs, on the JRE of the same version.
    mutating func javaRuntime(_ subject: SplitSubject) throws(SplitRefusal) -> RuntimeChoice {
        let program = subject.program
        let runArgs = subject.launch.arguments
        guard program == "java" || program.hasSuffix("/java"),
            let i = runArgs.firstIndex(of: "-jar"), i + 1 < runArgs.count
        else {
            throw SplitRefusal(
                "\(subject.launch.keyword) does not run `java -jar <jar>`, so the jar's path cannot be told"
            )
        }
        let jar = Self.absolute(runArgs[i + 1], in: subject.finalWorkdir)
        guard jar.contains("/target/") || jar.contains("/build/libs/") else {
            throw SplitRefusal(
                "the jar `\(runArgs[i + 1])` is not in Maven's target/ or Gradle's build/libs/")
        }
        let tag = subject.tag
        let java: String?
        var distro: String? = nil
        switch tag.family {
        case .maven, .gradle: java = tag.runtimeVersion
        case .eclipseTemurin, .openjdk:
            java = tag.version.split(separator: ".").first.map(String.init)
            if tag.family == .eclipseTemurin { distro = tag.distro }
        default: java = nil
        }
        guard let java, Int(java) != nil else {
            throw SplitRefusal("the Java version of \(subject.base.resolved) cannot be told")
        }
        let alpine = tag.variant == .alpine || tag.variant == .jdkAlpine
        let directory = (jar as NSString).deletingLastPathComponent
        return RuntimeChoice(
            image: "eclipse-temurin:\(java)-jre" + (alpine ? "-alpine" : distro.map { "-" + $0 } ?? ""),
            facts: BaseImageCatalog.facts(.eclipseTemurin, alpine ? .jreAlpine : .jre),
            copies: [(jar, jar.contains("*") ? directory + "/" : jar)])
    }

    /// Node.js: the build output folder the entry point is in, on the slim node image, with the
    /// production dependencies installed again.
    mutating func nodeRuntime(_ subject: SplitSubject, usesCI: Bool) throws(SplitRefusal) -> RuntimeChoice {
        let tag = subject.tag
        guard tag.family == .node,
            let slim = BaseImageTags.tag(tag, as: tag.variant == .alpine ? .alpine : .slim)
        else {
            throw SplitRefusal(
                "Node.js is built on \(subject.base.resolved); only the node images are handled")
        }
        guard let entry = nodeEntryPoint(subject.launch) else {
            throw SplitRefusal(
                "\(subject.launch.keyword) does not run `node <file>` (or an `npm start` whittle can read in package.json), so the build output cannot be told"
            )
        }
        let wd = subject.found.workdir
        let path = Self.absolute(entry, in: subject.finalWorkdir)
        let relative = path.hasPrefix(wd + "/") ? String(path.dropFirst(wd.count + 1)) : ""
        guard let top = relative.split(separator: "/").first, relative.contains("/"),
            ["dist", "build", "out", ".next"].contains(String(top))
        else {
            throw SplitRefusal("the entry point `\(entry)` is not in a build output folder (dist/ or build/)")
        }
        let install = usesCI ? "npm ci --omit=dev" : "npm install --omit=dev"
        return RuntimeChoice(
            image: subject.reference.withTag(slim),
            facts: BaseImageCatalog.facts(.node, tag.variant == .alpine ? .alpine : .slim),
            copies: [(wd + "/" + top, wd + "/" + top)],
            extraInstructions: [
                style.keyword("COPY") + " --from=\(stageNamePlaceholder) \(wd)/package*.json \(wd)/"
                    + style.newline,
                style.keyword("RUN") + " " + style.andChain([install, "npm cache clean --force"])
                    + style.newline,
            ])
    }

    /// The file `node <file>` runs, directly or through package.json's start script.
    private func nodeEntryPoint(_ launch: SplitLaunch) -> String? {
        let runArgs = launch.arguments
        if launch.program == "node", let first = runArgs.first(where: { !$0.hasPrefix("-") }) {
            return first
        } else if launch.program == "npm", runArgs == ["start"] || runArgs == ["run", "start"] {
            if let json = context.buildContext?.contents("package.json"),
                let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
                let scripts = object["scripts"] as? [String: Any], let start = scripts["start"] as? String
            {
                let words = start.split(separator: " ").map(String.init)
                if words.first == "node" { return words.dropFirst().first { !$0.hasPrefix("-") } }
            }
        }
        return nil
    }

    /// Python: the virtualenv and the WORKDIR, on the slim python image of the same version.
    mutating func pythonRuntime(_ subject: SplitSubject, venv: String) throws(SplitRefusal) -> RuntimeChoice {
        let tag = subject.tag
        let program = subject.program
        let wd = subject.found.workdir
        guard tag.family == .python, tag.variant == .full, let slim = BaseImageTags.tag(tag, as: .slim)
        else {
            throw SplitRefusal(
                "the virtualenv is built on \(subject.base.resolved); only the full python images are handled"
            )
        }
        guard wd != "/" else {
            throw SplitRefusal(
                "there is no WORKDIR, so the application's files cannot be told from the rest of the image"
            )
        }
        let bare = !program.contains("/")
        let ok =
            program.hasPrefix("python")
            || Self.absolute(program, in: subject.finalWorkdir).hasPrefix(venv + "/bin/")
            || (bare && pathIncludes(venv + "/bin"))
        guard ok else {
            throw SplitRefusal(
                "\(subject.launch.keyword) runs `\(program)`, which is neither python nor a program of the virtualenv"
            )
        }
        let image = subject.reference.withTag(slim)
        notes.append(
            "The virtualenv's python links to the interpreter of \(image), the same version as the build image."
        )
        return RuntimeChoice(
            image: image, facts: BaseImageCatalog.facts(.python, .slim),
            copies: venv.hasPrefix(wd + "/") ? [(wd, wd)] : [(venv, venv), (wd, wd)])
    }

    /// An ENV of the stage puts `folder` on PATH.
    private func pathIncludes(_ folder: String) -> Bool {
        stage.instructions.contains { i in
            i.kind == .env
                && file.keyValues(of: i).contains {
                    $0.key == "PATH" && ($0.value(escape: file.escape) ?? "").contains(folder)
                }
        }
    }

    /// .NET: the publish folder, on the ASP.NET Core runtime (or the plain runtime for a project
    /// that is not a web app).
    mutating func dotnetRuntime(_ subject: SplitSubject, output: String) throws(SplitRefusal) -> RuntimeChoice
    {
        let tag = subject.tag
        guard tag.family == .dotnetSDK, let channel = BaseImageTags.dotnetChannel(tag.version) else {
            throw SplitRefusal("the .NET version of \(subject.base.resolved) cannot be told")
        }
        let program = subject.program
        let dll = program == "dotnet" ? subject.launch.arguments.first : program
        guard let dll, Self.absolute(dll, in: subject.finalWorkdir).hasPrefix(output + "/") else {
            throw SplitRefusal(
                "\(subject.launch.keyword) does not run a file of the publish folder \(output)")
        }
        let flavour = isPlainDotnetProject() ? "runtime" : "aspnet"
        if flavour == "aspnet" {
            notes.append(
                "The ASP.NET Core runtime is chosen; use mcr.microsoft.com/dotnet/runtime for an app that is not a web app."
            )
        }
        return RuntimeChoice(
            image: "mcr.microsoft.com/dotnet/\(flavour):\(channel)" + (tag.distro.map { "-" + $0 } ?? ""),
            facts: BaseImageCatalog.facts(flavour == "aspnet" ? .dotnetASPNET : .dotnetRuntime, tag.variant),
            copies: [(output, output)])
    }

    /// The build context holds a single project, and it uses the plain `Microsoft.NET.Sdk` (not the
    /// web SDK).
    private func isPlainDotnetProject() -> Bool {
        guard let directory = context.buildContext?.directory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return false }
        let projects = names.filter { $0.hasSuffix(".csproj") || $0.hasSuffix(".fsproj") }
        guard projects.count == 1,
            let text = context.buildContext?.contents(projects[0]).map({
                String(decoding: $0, as: UTF8.self)
            })
        else { return false }
        return text.contains("Sdk=\"Microsoft.NET.Sdk\"")
    }
}
