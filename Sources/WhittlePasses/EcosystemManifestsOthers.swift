import Foundation

extension EcosystemManifests {
    // MARK: - Ruby, PHP, Rust, Elixir

    static func bundler(project: String, named: [String], files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        let gemfile = named.first ?? p(project, "Gemfile")
        guard let text = required(ContextPath.name(gemfile), in: ContextPath.parent(gemfile), &scan, files)
        else {
            return scan
        }
        let lock = gemfile + ".lock"
        if files.isFile(lock) { scan.add(lock) }
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line == "gemspec" || line.hasPrefix("gemspec ") || line.hasPrefix("gemspec(") {
                scan.block("the Gemfile installs the project's own gemspec, which needs the source")
            } else if line.contains("path:") || line.contains(":path") {
                scan.block("the Gemfile installs a local path (`\(line)`), which arrives with the source")
            } else if ["eval_gemfile", "instance_eval", "File.", "IO.", "require_relative", "Dir["].contains(
                where: {
                    line.contains($0)
                })
            {
                scan.block("the Gemfile reads other files (`\(line)`), which whittle does not follow")
            } else if line.hasPrefix("ruby "), line.contains("file:") {
                for file in quotedStrings(line) {
                    guard let path = ContextPath.normalize(p(ContextPath.parent(gemfile), file)),
                        files.isFile(path)
                    else {
                        scan.block("the Gemfile reads \(file), which is not in the build context")
                        continue
                    }
                    scan.add(path)
                }
            }
        }
        return scan
    }

    static let composerHandledScripts: Set<String> = [
        "post-install-cmd", "pre-autoload-dump", "post-autoload-dump",
    ]

    static func composer(project: String, runsScripts: Bool, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("composer.json", in: project, &scan, files) else { return scan }
        guard let object = json(text) else {
            scan.block("\(p(project, "composer.json")) is not valid JSON")
            return scan
        }
        optional(["composer.lock", "auth.json"], in: project, &scan, files)
        let repositories: [Any] =
            (object["repositories"] as? [Any])
            ?? ((object["repositories"] as? [String: Any]).map { Array($0.values) }
                ?? [])
        for case let repository as [String: Any] in repositories where repository["type"] as? String == "path"
        {
            scan.block("composer.json installs from a local path repository, which arrives with the source")
        }
        if let config = object["config"] as? [String: Any], config["vendor-dir"] != nil {
            scan.block("composer.json moves the vendor folder, which whittle does not follow")
        }
        let scripts = (object["scripts"] as? [String: Any]).map { Set($0.keys) } ?? []
        if runsScripts {
            for blocked in [
                "pre-install-cmd", "pre-package-install", "post-package-install", "pre-operations-exec",
            ]
            where scripts.contains(blocked) {
                scan.block(
                    "composer.json runs `\(blocked)` scripts during the install, which may need the source")
            }
            let handled = scripts.intersection(composerHandledScripts).sorted()
            if !handled.isEmpty {
                scan.afterSource = handled
                scan.unsafe.append(
                    "unsafe: composer.json's scripts (\(handled.joined(separator: ", "))) now run after the source COPY, from `composer dump-autoload`\(handled.contains("post-install-cmd") ? " and `composer run-script post-install-cmd`" : ""); check that they do the same there"
                )
            }
        }
        return scan
    }

    static func cargo(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("Cargo.toml", in: project, &scan, files) else { return scan }
        optional(["Cargo.lock", "rust-toolchain.toml", "rust-toolchain"], in: project, &scan, files)
        for name in [".cargo/config.toml", ".cargo/config"] {
            guard let config = files.text(p(project, name)) else { continue }
            if config.contains("vendor") || config.contains("directory") {
                scan.block(
                    "\(p(project, name)) points Cargo at vendored sources, which arrive with the source")
            }
            scan.add(p(project, name))
        }
        for (section, line) in tomlLines(text) {
            if line.hasPrefix("[") {
                if section == "workspace" || section.hasPrefix("workspace.") {
                    scan.block(
                        "Cargo.toml is a workspace; each member would need its Cargo.toml and a source file before `cargo fetch`"
                    )
                } else if ["[[bin]]", "[[bench]]", "[[test]]", "[[example]]"].contains(line) {
                    scan.block(
                        "Cargo.toml lists \(line) targets, which cargo reads from the source before fetching")
                }
                continue
            }
            if (mentionsKey(line, "path") && section != "lib") || mentionsKey(line, "workspace")
                || line.contains(".workspace")
            {
                scan.block(
                    "Cargo.toml has a path or workspace dependency (`\(line)`), which arrives with the source"
                )
            }
        }
        if !files.isDirectory(p(project, "src")) {
            scan.block(
                "\(p(project, "src")) is not in the build context, so whittle cannot tell the crate's targets"
            )
        }
        return scan
    }

    static func mix(project: String, files: ContextFiles) -> ManifestScan {
        var scan = ManifestScan()
        guard let text = required("mix.exs", in: project, &scan, files) else { return scan }
        optional(["mix.lock"], in: project, &scan, files)
        if text.contains("apps_path") {
            scan.block("mix.exs is an umbrella project; each app would need its own mix.exs")
        }
        if text.contains("path:") || text.contains("in_umbrella") {
            scan.block("mix.exs has a path dependency, which arrives with the source")
        }
        if text.contains("File.") || text.contains("Code.") {
            scan.block("mix.exs reads other files, which whittle does not follow")
        }
        return scan
    }
}
