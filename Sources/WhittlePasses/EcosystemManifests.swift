import Foundation

/// Reads the manifests of each ecosystem in the build context: which exist, what else the
/// install reads (workspace members, included requirement files, referenced projects), and what
/// stands in the way of installing before the source is copied.
enum EcosystemManifests {
    /// The manifests for an install or download of `ecosystem` run in the context folder
    /// `project`. `namedFiles` are the files the command names, already mapped into the context.
    static func scan(
        _ ecosystem: Ecosystem, project: String, namedFiles: [String], runsScripts: Bool, program: String,
        projectArgument: String?, files: ContextFiles, sourceRoot: String
    ) -> ManifestScan {
        var scan: ManifestScan
        switch ecosystem {
        case .npm, .yarn, .pnpm:
            scan = node(ecosystem, project: project, runsScripts: runsScripts, files: files)
        case .pip: scan = pip(namedFiles, files: files)
        case .poetry: scan = poetry(project: project, files: files)
        case .uv: scan = uv(project: project, files: files)
        case .pipenv: scan = pipenv(project: project, files: files)
        case .go: scan = go(project: project, files: files)
        case .maven: scan = maven(project: project, program: program, named: namedFiles, files: files)
        case .gradle: scan = gradle(project: project, program: program, files: files)
        case .bundler: scan = bundler(project: project, named: namedFiles, files: files)
        case .composer: scan = composer(project: project, runsScripts: runsScripts, files: files)
        case .cargo: scan = cargo(project: project, files: files)
        case .dotnet:
            scan = dotnet(project: project, argument: projectArgument, files: files, sourceRoot: sourceRoot)
        case .mix: scan = mix(project: project, files: files)
        }
        if scan.projectFolders.isEmpty { scan.projectFolders = [project] }
        return scan
    }

    static func p(_ project: String, _ name: String) -> String { ContextPath.join(project, name) }

    /// Adds `names` (relative to `project`) that exist as files.
    static func optional(
        _ names: [String], in project: String, _ scan: inout ManifestScan, _ files: ContextFiles
    ) {
        for name in names where files.isFile(p(project, name)) { scan.add(p(project, name)) }
    }

    static func required(
        _ name: String, in project: String, _ scan: inout ManifestScan, _ files: ContextFiles
    )
        -> String?
    {
        let path = p(project, name)
        guard files.isFile(path), let text = files.text(path) else {
            if files.existsOnDisk(path) && files.isIgnored(path) {
                scan.block("\(path) is excluded by .dockerignore, so the build cannot copy it")
            } else {
                scan.block("\(path) is not in the build context")
            }
            return nil
        }
        scan.add(path)
        return text
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}

/// A reason, as an error.
struct ReasonError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

extension ManifestScan {
    mutating func block(_ error: ReasonError) { block(error.reason) }
}
