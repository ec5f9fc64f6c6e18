import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `install-flags`: package installs that cannot stop at a prompt, and (unsafe) that skip
/// recommended or weak dependencies.
public struct InstallFlagsPass: Pass {
    public static let id = "install-flags"
    public static let summary =
        "Make package installs non-interactive, and skip recommended packages (unsafe)"
    public static let rationale = """
        A build has no one to answer "Do you want to continue? [Y/n]": `apt-get install` without
        `-y` aborts as soon as it needs a package that was not asked for, and so do dnf and yum
        without `-y` and zypper without `-n`. whittle adds the switch (safe: the build either
        failed at the prompt or never showed one).

        Debian's apt also installs every *recommended* package, and dnf every *weak* dependency:
        often documentation, X11 libraries or a second compiler that the application never uses,
        commonly tens to hundreds of MB. `--no-install-recommends` (apt), `--no-recommends`
        (zypper) and `--setopt=install_weak_deps=False` (dnf, microdnf) skip them. That is an
        unsafe fix: a program that relied on a recommended package fails at build or run time
        (see Docs/FixSafety.md).
        """
    public static let fixSafety = FixSafety.safe
    public static let hadolintCodes = ["DL3014", "DL3015", "DL3030", "DL3034", "DL3038"]
    public static let examples = [
        PassExample(
            "apt-get without -y",
            input: "FROM debian:bookworm\nRUN apt-get update && apt-get install curl\n",
            output: "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n"),
        PassExample(
            "Recommended packages, with --unsafe-fixes",
            input: "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n",
            output:
                "FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n",
            unsafeFixes: true),
        PassExample(
            "dnf, zypper",
            input: "FROM fedora:40\nRUN dnf install gcc\nFROM opensuse/leap:15.6\nRUN zypper install curl\n",
            output:
                "FROM fedora:40\nRUN dnf install -y gcc\nFROM opensuse/leap:15.6\nRUN zypper -n install curl\n"
        ),
        PassExample(
            "Already non-interactive (-qq implies -y), recommendations already off",
            input:
                "FROM debian:bookworm\nRUN apt-get update && apt-get -qq install --no-install-recommends curl\n",
            output: nil),
    ]

    public init() {}

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        var findings: [Finding] = []
        for instruction in file.instructions where instruction.kind == .run {
            let run = RunScript.cached(instruction, in: file)
            guard run.form == .shell || run.form == .heredoc, let script = run.script, !script.isOpaque else {
                continue
            }
            for command in script.packageManagerCommands where command.action == .install {
                guard let word = ScriptEdits.subcommandWord(command) else { continue }
                let range = command.command.rangeIn(script)
                let name = command.invocation.baseName ?? command.manager.rawValue
                if !command.isNonInteractive {
                    var edit: TextEdit?
                    var code: String?
                    switch command.manager {
                    case .aptGet, .apt, .aptitude:
                        edit = ScriptEdits.insert("-y", after: word, in: script)
                        code = "DL3014"
                    case .dnf, .yum:
                        edit = ScriptEdits.insert("-y", after: word, in: script)
                        code = command.manager == .yum ? "DL3030" : "DL3038"
                    case .zypper:
                        edit = ScriptEdits.insert("-n", after: command.invocation.commandWord, in: script)
                        code = "DL3034"
                    default:
                        break
                    }
                    if let edit {
                        findings.append(
                            Finding(
                                passID: Self.id,
                                message:
                                    "`\(name) install` stops at a confirmation prompt the build cannot answer",
                                range: range,
                                fix: Fix(title: "Answer yes in advance", safety: .safe, edits: [edit]),
                                ruleCodes: code.map { [$0] } ?? []))
                    }
                }
                if !command.skipsRecommends {
                    let option: String?
                    switch command.manager {
                    case .aptGet, .apt: option = "--no-install-recommends"
                    case .aptitude: option = "--without-recommends"
                    case .zypper: option = "--no-recommends"
                    case .dnf: option = "--setopt=install_weak_deps=False"
                    case .microdnf: option = "--setopt=install_weak_deps=0"
                    default: option = nil
                    }
                    guard let option else { continue }
                    let family =
                        command.manager == .dnf || command.manager == .microdnf
                        ? "weak dependencies" : "recommended packages"
                    findings.append(
                        Finding(
                            passID: Self.id, severity: .info,
                            message: "`\(name) install` also installs \(family)",
                            range: range,
                            notes: [
                                "unsafe: a program that used one of them would break; check the image after the change"
                            ],
                            effect: Effect(note: "often tens of MB", removedPaths: ["/"]),
                            fix: Fix(
                                title: "Skip \(family) with \(option)", safety: .unsafe,
                                edits: [ScriptEdits.insert(option, after: word, in: script)]),
                            ruleCodes: command.manager.family == .apt ? ["DL3015"] : []))
                }
            }
        }
        return findings
    }
}
