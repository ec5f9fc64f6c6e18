import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// What a split ends as.
enum SplitOutcome {
    case refused(build: String, reason: String, notes: [String])
    case split(build: String, runtimeImage: String, edits: [TextEdit], notes: [String], saved: Int?)
}

/// Why a stage cannot be split: the reason and the notes of the finding.
struct SplitRefusal: Error {
    let reason: String
    let notes: [String]
    /// The build the finding names, for a refusal made while the stage is scanned (afterwards the
    /// build found names it).
    let build: String?

    init(_ reason: String, _ notes: [String] = [], build: String? = nil) {
        self.reason = reason
        self.notes = notes
        self.build = build
    }
}

/// The program the image runs: the last ENTRYPOINT, else the last CMD, as words.
struct SplitLaunch {
    let entrypoint: Instruction?
    let cmd: Instruction?
    /// The ENTRYPOINT, or the CMD when there is none.
    let runs: Instruction
    let words: [String]
    let program: String
    /// The program's arguments, with CMD's (in exec form) after an ENTRYPOINT's.
    let arguments: [String]

    /// `CMD` or `ENTRYPOINT`, for messages.
    var keyword: String { runs.keyword.uppercased() }
}

/// What the split works from once the stage is scanned: the build, its image, the program run.
struct SplitSubject {
    let scan: StageScan
    let found: SplitStagesPlanner.Found
    let base: StageBase
    let reference: ImageReference
    let tag: BaseImageTag
    /// The build image is the official gcc image, which the catalog does not hold.
    let gccImage: Bool
    let launch: SplitLaunch

    /// The WORKDIR the program runs in.
    var finalWorkdir: String { scan.workdir }
    var program: String { launch.program }
}

struct SplitStagesPlanner {
    let context: PassContext
    let stage: Stage
    var file: Dockerfile { context.file }
    var style: FileStyle { context.style }
    var notes: [String] = []

    init(context: PassContext, stage: Stage) {
        self.context = context
        self.stage = stage
    }

    /// Absolute path of `path` under `workdir`.
    static func absolute(_ path: String, in workdir: String) -> String {
        var p = path
        if p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        if p.hasPrefix("/") { return normalized(p) }
        return normalized((workdir.hasSuffix("/") ? workdir : workdir + "/") + p)
    }

    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The split of the stage, a refusal, or nil when the stage builds nothing whittle recognises.
    mutating func plan() -> SplitOutcome? {
        let scan: StageScan
        do throws(SplitRefusal) {
            scan = try scanStage()
        } catch {
            return .refused(build: error.build ?? "", reason: error.reason, notes: error.notes)
        }
        guard let found = scan.found else { return nil }
        // `make` alone may build a dependency rather than the program: unless CMD names what it
        // built, the stage is not reported at all.
        let quiet: Bool
        if case .c(nil, _) = found.kind { quiet = true } else { quiet = false }
        do throws(SplitRefusal) {
            let subject = try subject(scan, found)
            return try split(subject)
        } catch {
            return quiet ? nil : .refused(build: found.kind.name, reason: error.reason, notes: error.notes)
        }
    }

    /// The build image and the program the image runs; throws when either cannot be told.
    private func subject(_ scan: StageScan, _ found: Found) throws(SplitRefusal) -> SplitSubject {
        let base = StageBase(stage, in: file)
        guard scan.workdirKnown else {
            throw SplitRefusal("a WORKDIR uses a variable, so paths cannot be resolved")
        }
        guard let reference = base.reference else {
            throw SplitRefusal("the base image \(base.resolved) cannot be read")
        }
        let gccImage = reference.officialName == "gcc"
        guard
            let tag = base.tag
                ?? (gccImage
                    ? BaseImageTag(
                        family: .debian, version: "", variant: .full, distro: nil, runtimeVersion: nil) : nil)
        else {
            throw SplitRefusal("the base image \(base.resolved) is not in whittle's catalog")
        }
        let launch = try self.launch()
        return SplitSubject(
            scan: scan, found: found, base: base, reference: reference, tag: tag, gccImage: gccImage,
            launch: launch)
    }

    /// The program CMD or ENTRYPOINT runs; throws when there is none, or when it is a shell script.
    private func launch() throws(SplitRefusal) -> SplitLaunch {
        let entrypoint = stage.instructions.last { $0.kind == .entrypoint }
        let cmd = stage.instructions.last { $0.kind == .cmd }
        guard let runs = entrypoint ?? cmd else {
            throw SplitRefusal("there is no CMD or ENTRYPOINT, so what runs cannot be told")
        }
        let runWords: [String]
        if runs.isJSON {
            runWords = runs.value
        } else if let words = ExecFormPass.plainWords(runs.arguments) {
            runWords = words
        } else {
            runWords = runs.arguments.split(separator: " ").map(String.init)
        }
        guard let program = runWords.first else {
            throw SplitRefusal("the \(runs.keyword.uppercased()) is empty")
        }
        let runArgs =
            Array(runWords.dropFirst())
            + (entrypoint != nil ? (cmd.map { $0.isJSON ? $0.value : [] } ?? []) : [])
        if program.hasSuffix(".sh") || ["sh", "bash", "/bin/sh", "/bin/bash", "ash"].contains(program) {
            throw SplitRefusal(
                "\(runs.keyword.uppercased()) runs a shell script (`\(runWords.joined(separator: " "))`), which may need tools the runtime base lacks",
                [
                    "Run the program directly in CMD, or split the stages by hand and install what the script uses."
                ])
        }
        return SplitLaunch(
            entrypoint: entrypoint, cmd: cmd, runs: runs, words: runWords, program: program,
            arguments: runArgs)
    }

    /// Checks what the runtime base must provide and writes the edits.
    private mutating func split(_ subject: SplitSubject) throws(SplitRefusal) -> SplitOutcome {
        let runtime = try chooseRuntime(for: subject)
        let packages = try runtimePackages(for: subject, on: runtime)
        let user = stage.instructions.last { $0.kind == .user }
        try checkUser(user, of: subject, on: runtime)
        try checkHealthcheck(on: runtime, installing: packages)
        let commands = try commandsInExecForm(subject.launch, on: runtime)
        let edits = writeEdits(
            subject, runtime: runtime, packages: packages, user: user, commands: commands)
        var saved: Int? = nil
        if !subject.gccImage,
            let current = BaseImageCatalog.facts(subject.tag.family, subject.tag.variant),
            let runtimeFacts = runtime.facts
        {
            saved = max(0, current.bytes - runtimeFacts.bytes)
        }
        if !packages.isEmpty {
            notes.append(
                "Installed again at run time: \(packages.joined(separator: ", ")) (not build-only; whittle keeps a package when in doubt)."
            )
        }
        return .split(
            build: subject.found.kind.name + " with " + subject.base.resolved, runtimeImage: runtime.image,
            edits: edits, notes: notes, saved: saved)
    }
}
