import Foundation
import WhittleShell
import WhittleSyntax

/// A stage's base image as whittle reads it: resolved through global ARG defaults, with its
/// family and tag grammar, or the reason it cannot be read.
struct StageBase {
    enum Kind {
        /// An image, resolved (ARG defaults substituted).
        case image(ImageReference)
        /// An earlier stage.
        case stage(Stage)
        /// A variable without a default.
        case unresolved([String])
        /// Not an image reference whittle can read.
        case unreadable
    }

    let stage: Stage
    let kind: Kind
    /// The FROM's image word as written, and its source range.
    let written: String
    let writtenRange: Range<Int>?
    let resolved: String

    init(_ stage: Stage, in file: Dockerfile) {
        self.stage = stage
        written = stage.baseImage
        writtenRange = stage.from.valueRanges?.first.map { stage.from.text.sourceRange(ofLogical: $0) }
        let expansion = file.resolvedBaseImage(of: stage)
        resolved = expansion.value
        if let parent = file.parentStage(of: stage) {
            kind = .stage(parent)
        } else if !expansion.unresolved.isEmpty || expansion.unsupported {
            kind = .unresolved(expansion.unresolved)
        } else if let reference = ImageReference(expansion.value) {
            kind = .image(reference)
        } else {
            kind = .unreadable
        }
    }

    var reference: ImageReference? {
        if case .image(let r) = kind { return r }
        return nil
    }

    var family: BaseImageFamily? { reference.flatMap(BaseImageTags.family(of:)) }
    var tag: BaseImageTag? { reference.flatMap(BaseImageTags.parse) }

    /// The FROM image text that resolves to `newImage`: the literal when the FROM has no variable,
    /// the written text plus the added suffix when the new image only appends to the resolved one.
    func writtenText(for newImage: String) -> String? {
        if !written.contains("$") { return newImage }
        guard newImage.hasPrefix(resolved) else { return nil }
        return written + newImage.dropFirst(resolved.count)
    }
}

/// What the instructions of some stages need from their base image.
struct StageNeeds {
    var shell: [String] = []
    var systemPackages: [(manager: String, name: String, line: Int)] = []
    var languageInstalls: [String] = []
    var compiles: [String] = []
    /// Tools of the full images (curl, git, gcc, ...) that are used and not installed.
    var fullImageTools: [String] = []
    /// RUN commands a busybox-based image may not run the same way.
    var nonPortableCommands: [String] = []
    var copiesFromStages: [String] = []
    var setsTimeZone = false
    var customShell = false

    static let portableCommands: Set<String> = [
        "mkdir", "chmod", "chown", "ln", "cp", "mv", "rm", "echo", "touch", "true", "printf", "test", "[",
        "cd", "export", "ls", "cat",
    ]
    static let fullImageToolNames: Set<String> = [
        "curl", "wget", "git", "gcc", "g++", "cc", "c++", "make", "cmake", "ssh", "scp", "patch", "unzip",
        "gpg", "svn", "hg", "autoconf", "automake", "pkg-config", "bzip2", "file",
    ]
    static let compilerNames: Set<String> = [
        "gcc", "g++", "cc", "c++", "clang", "clang++", "make", "cmake", "ninja", "javac", "node-gyp",
        "rustc", "./configure", "meson",
    ]

    init(stages: [Stage], file: Dockerfile) {
        self.init(instructions: stages.flatMap(\.instructions), file: file)
    }

    init(instructions: [Instruction], file: Dockerfile) {
        var installed: Set<String> = []
        do {
            for instruction in instructions {
                let line = instruction.startLine
                switch instruction.kind {
                case .shell: customShell = true
                case .cmd, .entrypoint:
                    if !instruction.isJSON && !instruction.argumentsRange.isEmpty {
                        shell.append("shell-form \(instruction.keyword.uppercased()) at line \(line)")
                    }
                    if let first = Self.programOf(instruction), Self.fullImageToolNames.contains(first),
                        !installed.contains(first)
                    {
                        fullImageTools.append("\(first) (line \(line))")
                    }
                case .healthcheck:
                    let args = instruction.arguments.trimmingCharacters(in: .whitespaces)
                    if args.uppercased() == "NONE" { break }
                    let command =
                        args.hasPrefix("CMD") || args.hasPrefix("cmd") ? String(args.dropFirst(3)) : args
                    if !command.trimmingCharacters(in: .whitespaces).hasPrefix("[") {
                        shell.append("shell-form HEALTHCHECK at line \(line)")
                    }
                    for tool in Self.fullImageToolNames
                    where command.contains(tool + " ") || command.contains("\"\(tool)\"") {
                        if !installed.contains(tool) {
                            fullImageTools.append("\(tool) (HEALTHCHECK, line \(line))")
                        }
                    }
                case .env:
                    if file.keyValues(of: instruction).contains(where: { $0.key == "TZ" }) {
                        setsTimeZone = true
                    }
                case .copy, .add:
                    if let from = instruction.flag("from")?.value { copiesFromStages.append(from) }
                case .run:
                    let run = RunScript.cached(instruction, in: file)
                    if run.form != .exec { shell.append("RUN at line \(line)") }
                    guard let script = run.script, !script.isOpaque else {
                        nonPortableCommands.append("RUN at line \(line)")
                        compiles.append("a RUN whittle cannot read (line \(line))")
                        continue
                    }
                    for pm in script.packageManagerCommands {
                        switch pm.manager.family {
                        case .apt, .apk, .rpm, .zypper:
                            if pm.action == .install {
                                for name in pm.packageNames {
                                    systemPackages.append((pm.manager.rawValue, name, line))
                                    installed.insert(name)
                                }
                            }
                        case .go, .cargo, .jvm, .dotnet:
                            if pm.action == .build || pm.action == .publish || pm.action == .install {
                                compiles.append("\(pm.manager.rawValue) \(pm.action) (line \(line))")
                            }
                        default:
                            if pm.action == .install || pm.action == .cleanInstall {
                                languageInstalls.append("\(pm.manager.rawValue) install (line \(line))")
                            }
                        }
                    }
                    for command in script.commands {
                        guard let name = command.invocation?.name ?? command.name else { continue }
                        let base = name.split(separator: "/").last.map(String.init) ?? name
                        if Self.compilerNames.contains(base) || Self.compilerNames.contains(name) {
                            compiles.append("\(base) (line \(line))")
                        }
                        if Self.fullImageToolNames.contains(base), !installed.contains(base) {
                            fullImageTools.append("\(base) (line \(line))")
                        }
                        if !Self.portableCommands.contains(base) && command.packageManagerCommand == nil {
                            nonPortableCommands.append("\(base) (line \(line))")
                        }
                    }
                default: break
                }
            }
        }
    }

    /// The first word of a CMD or ENTRYPOINT.
    static func programOf(_ instruction: Instruction) -> String? {
        if instruction.isJSON { return instruction.value.first }
        return ExecFormPass.plainWords(instruction.arguments)?.first
            ?? instruction.arguments.split(separator: " ").first.map(String.init)
    }
}
