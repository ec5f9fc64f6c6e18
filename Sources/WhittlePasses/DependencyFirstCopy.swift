import Foundation
import WhittleEngine
import WhittleSyntax

/// A path inside the image: absolute, or relative to the working folder the stage starts in
/// (the base image's WORKDIR, which whittle cannot see).
struct ImagePath: Equatable {
    var absolute: Bool
    var parts: [String]

    static let stageStart = ImagePath(absolute: false, parts: [])

    /// `path` resolved with `self` as the working folder; nil when it climbs above a folder
    /// whittle cannot see.
    func resolving(_ path: String) -> ImagePath? {
        var result = path.hasPrefix("/") ? ImagePath(absolute: true, parts: []) : self
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if result.parts.isEmpty {
                    if result.absolute { continue }
                    return nil
                }
                result.parts.removeLast()
                continue
            }
            result.parts.append(String(part))
        }
        return result
    }

    /// The parts below `root`, or nil when the path is not inside it.
    func relative(to root: ImagePath) -> [String]? {
        guard absolute == root.absolute, parts.starts(with: root.parts) else { return nil }
        return Array(parts.dropFirst(root.parts.count))
    }
}

/// A COPY or ADD of one folder of the build context (the whole context, or a folder of it).
struct FolderCopy {
    static let allowedFlags: Set<String> = ["chown", "chmod", "link", "exclude"]

    let instruction: Instruction
    /// The flags as written, to repeat on the manifest COPY.
    let flagTexts: [String]
    /// The copied folder, relative to the context root (`""` for the whole context).
    let source: String
    /// The destination as written.
    let destination: String

    var isWholeContext: Bool { source.isEmpty }

    /// Nil when the instruction is not such a copy (another stage, a file, a URL, a heredoc,
    /// several sources, variables or quotes in the paths).
    init?(_ instruction: Instruction, files: ContextFiles?) {
        guard instruction.kind == .copy || instruction.kind == .add, instruction.heredocs.isEmpty,
            instruction.value.count == 2,
            instruction.flags.allSatisfy({ Self.allowedFlags.contains($0.name) })
        else { return nil }
        let sourceText = instruction.value[0]
        let destination = instruction.value[1]
        let forbidden: Set<Character> = ["$", "\"", "'", "\\", "*", "?", "[", " ", "\t"]
        guard !sourceText.contains(where: forbidden.contains),
            !destination.contains(where: forbidden.contains),
            !sourceText.hasPrefix("/"), !sourceText.contains("://"),
            let source = ContextPath.normalize(sourceText)
        else { return nil }
        if let files {
            guard source.isEmpty || files.isDirectory(source) else { return nil }
        } else {
            guard source.isEmpty || sourceText.hasSuffix("/") else { return nil }
        }
        self.instruction = instruction
        self.flagTexts = instruction.flags.map { instruction.text.string($0.range) }
        self.source = source
        self.destination = destination
    }

    /// The destination for files of the folder `relativeFolder` (relative to the copied folder),
    /// always ending in `/` since a COPY of several files needs it.
    func destination(for relativeFolder: String) -> String {
        let base = destination == "." || destination == "./" ? "" : destination
        if relativeFolder.isEmpty { return base.isEmpty ? "./" : (base.hasSuffix("/") ? base : base + "/") }
        if base.isEmpty { return relativeFolder + "/" }
        return (base.hasSuffix("/") ? base : base + "/") + relativeFolder + "/"
    }

    /// How the finding names the COPY: its text when short.
    var shortText: String {
        let text = instruction.text.string.trimmingCharacters(in: .whitespaces)
        if text.count <= 48 { return text }
        return "\(instruction.keyword) \(instruction.value[0]) \(destination)"
    }
}
