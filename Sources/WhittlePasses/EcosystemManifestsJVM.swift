import Foundation

extension EcosystemManifests {
    // MARK: - JVM

    static func maven(project: String, program: String, named: [String], files: ContextFiles) -> ManifestScan
    {
        var scan = ManifestScan()
        guard let root = required("pom.xml", in: project, &scan, files) else { return scan }
        if files.isDirectory(p(project, ".mvn")) { scan.addFolder(p(project, ".mvn")) }
        if program.hasSuffix("mvnw") {
            _ = required("mvnw", in: project, &scan, files)
        }
        for file in named {
            guard files.isFile(file) else {
                scan.block("\(file) is not in the build context")
                continue
            }
            scan.add(file)
        }
        var queue: [(String, String)] = [(project, root)]
        var modules: [String] = []
        while !queue.isEmpty {
            let (folder, text) = queue.removeFirst()
            let xml = stripXMLComments(text)
            if let profiles = xml.range(of: "<profiles>"), xml[profiles.upperBound...].contains("<module>") {
                scan.block(
                    "\(p(folder, "pom.xml")) lists modules inside profiles, so the module list depends on the build"
                )
                return scan
            }
            for module in xmlElements(xml, "module") {
                let relative = module.hasSuffix(".xml") ? module : p(module, "pom.xml")
                guard let path = ContextPath.normalize(p(folder, relative)), let moduleText = files.text(path)
                else {
                    scan.block(
                        "the module \(module) of \(p(folder, "pom.xml")) has no pom.xml in the build context")
                    return scan
                }
                scan.add(path)
                modules.append(ContextPath.parent(path))
                queue.append((ContextPath.parent(path), moduleText))
                if modules.count > 200 { break }
            }
        }
        if !modules.isEmpty {
            scan.notes.append(
                "Maven modules, each with its pom.xml: "
                    + modules.map { ContextPath.relative($0, to: project) ?? $0 }.joined(separator: ", "))
            scan.unsafe.append(
                "unsafe: dependency:go-offline cannot resolve modules that depend on each other before they are built, so the download step may fail"
            )
        }
        return scan
    }

    /// The text of every `<name>...</name>` element.
    static func xmlElements(_ xml: String, _ name: String) -> [String] {
        var out: [String] = []
        var rest = Substring(xml)
        while let open = rest.range(of: "<\(name)>") {
            guard let close = rest[open.upperBound...].range(of: "</\(name)>") else { break }
            out.append(
                rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines))
            rest = rest[close.upperBound...]
        }
        return out
    }

    static func gradle(project: String, program: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        let names = [
            "settings.gradle", "settings.gradle.kts", "build.gradle", "build.gradle.kts", "gradle.properties",
        ]
        optional(names, in: project, &scan, files)
        guard scan.files.contains(where: { ContextPath.name($0).hasPrefix("build.gradle") }) else {
            scan.block("\(p(project, "build.gradle")) (or build.gradle.kts) is not in the build context")
            return scan
        }
        if files.isDirectory(p(project, "gradle")) { scan.addFolder(p(project, "gradle")) }
        if program.hasSuffix("gradlew") { _ = required("gradlew", in: project, &scan, files) }
        for name in ["settings.gradle", "settings.gradle.kts"] {
            guard let text = files.text(p(project, name)) else { continue }
            if text.contains("include") {
                scan.block(
                    "\(p(project, name)) includes other projects; whittle does not run Gradle's scripts to list them"
                )
            }
        }
        for name in ["build.gradle", "build.gradle.kts"] {
            guard let text = files.text(p(project, name)) else { continue }
            if text.contains("apply from") || text.contains("apply(from") {
                scan.block("\(p(project, name)) applies another script file, which arrives with the source")
            }
        }
        if files.existsOnDisk(p(project, "buildSrc")) {
            scan.block("the buildSrc folder is compiled as part of the build script, so it needs the source")
        }
        return scan
    }
}
