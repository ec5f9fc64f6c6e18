import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `cache-pitfalls`: things in a Dockerfile that defeat the build cache or make builds drift.
public struct CachePitfallsPass: Pass {
    public static let id = "cache-pitfalls"
    public static let summary =
        "Flag build args that bust the cache early, and package upgrades inside the image"
    public static let rationale = """
        **A build argument that changes every build** (a date, a commit hash, a build number)
        becomes an environment variable of every RUN after its ARG line, so each new value is a
        cache miss for all of them: the expensive installs run again on every build, even when
        nothing they depend on changed. Declared just before the instruction that uses it
        (usually a LABEL at the end), it only invalidates that one. whittle moves the ARG down to
        its first use; that is an unsafe fix, because a script run by an earlier RUN could read
        the variable from its environment without naming it in the Dockerfile.

        **`apt-get upgrade`, `dist-upgrade`, `apk upgrade`, `dnf upgrade`** in a Dockerfile make
        the result depend on the day of the build, add a layer of replaced files on top of the
        base image, and are cached forever once built, so they do not even keep the image
        current. Rebuild on a newer base image instead (`docker build --pull`). Reported only.

        A `COPY . .` without a `.dockerignore` is reported by `dependency-first-copy`, which also
        proposes the file's content.
        """
    public static let fixSafety = FixSafety.unsafe
    public static let hadolintCodes = ["DL3005"]
    public static let examples = [
        PassExample(
            "A commit hash declared early moves to where it is used",
            input: """
                FROM python:3.12-slim
                ARG GIT_COMMIT
                RUN pip install --no-cache-dir flask
                COPY . /app
                LABEL org.opencontainers.image.revision=$GIT_COMMIT
                """ + "\n",
            output: """
                FROM python:3.12-slim
                RUN pip install --no-cache-dir flask
                COPY . /app
                ARG GIT_COMMIT
                LABEL org.opencontainers.image.revision=$GIT_COMMIT
                """ + "\n",
            unsafeFixes: true),
        PassExample(
            "Already declared where it is used",
            input:
                "FROM alpine:3.20\nRUN apk add --no-cache curl\nARG BUILD_DATE\nLABEL build-date=$BUILD_DATE\n",
            output: nil),
        PassExample(
            "An upgrade inside the image is reported, not changed",
            input:
                "FROM debian:bookworm\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n",
            output: nil),
    ]

    public init() {}

    /// Names of build arguments that usually change on every build.
    static let volatileNames: Set<String> = [
        "BUILD_DATE", "BUILDDATE", "BUILD_TIME", "BUILDTIME", "BUILD_TIMESTAMP", "TIMESTAMP", "DATE", "NOW",
        "GIT_COMMIT", "GIT_SHA", "GIT_HASH", "GIT_REVISION", "COMMIT", "COMMIT_SHA", "COMMIT_HASH", "SHA",
        "VCS_REF",
        "REVISION", "SOURCE_COMMIT", "SOURCE_VERSION", "CACHEBUST", "CACHE_BUST", "CACHEBUSTER",
        "BUILD_NUMBER",
        "BUILD_ID", "CI_COMMIT_SHA", "GITHUB_SHA", "CI_PIPELINE_ID",
    ]

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        var findings: [Finding] = []
        for stage in file.stages {
            findings += argFindings(stage, context)
            for instruction in stage.instructions where instruction.kind == .run {
                let run = RunScript.cached(instruction, in: file)
                guard let script = run.script, !script.isOpaque else { continue }
                for command in script.packageManagerCommands
                where command.action == .upgrade && command.packages.isEmpty {
                    findings.append(
                        Finding(
                            passID: Self.id,
                            message:
                                "`\(script.text(command.command.range))` makes the image depend on the day it was built",
                            range: command.command.rangeIn(script),
                            notes: [
                                "the upgraded files form a layer on top of the base image and stay cached once built; rebuild on a newer base image instead (docker build --pull)"
                            ], ruleCodes: ["DL3005"]))
                }
            }
        }
        return findings
    }

    /// ARGs with a volatile name declared before RUN instructions that do not use them.
    func argFindings(_ stage: Stage, _ context: PassContext) -> [Finding] {
        let file = context.file
        var findings: [Finding] = []
        let instructions = stage.instructions
        for (n, arg) in instructions.enumerated() where arg.kind == .arg {
            let pairs = file.keyValues(of: arg)
            // Only a line that declares nothing but volatile names can move as a whole.
            guard !pairs.isEmpty, pairs.allSatisfy({ Self.volatileNames.contains($0.key.uppercased()) }),
                arg.continuationComments.isEmpty
            else { continue }
            let names = pairs.map(\.key)
            let after = instructions[(n + 1)...]
            guard let firstUse = after.first(where: { Self.mentions($0, names) }) else { continue }
            let skipped = after.prefix { $0.range.lowerBound < firstUse.range.lowerBound }
            let runs = skipped.filter { $0.kind == .run }.count
            guard runs > 0 else { continue }
            let moved = file.source.bytes[arg.range]
            var text = Array(moved)
            if text.last != 0x0A { text += Array(context.style.newline.utf8) }
            findings.append(
                Finding(
                    passID: Self.id,
                    message:
                        "ARG \(names.joined(separator: " ")) changes on every build and invalidates the cache of the \(runs) RUN instruction\(runs == 1 ? "" : "s") after it",
                    range: arg.keywordSourceRange.lowerBound..<arg.argumentsSourceRange.upperBound,
                    notes: [
                        "moved to line \(firstUse.startLine), its first use; unsafe because a script run by an earlier RUN could read it from the environment"
                    ],
                    effect: Effect(
                        keepsCacheOnSourceChange: false,
                        note: "the RUNs above its first use stay cached between builds"),
                    fix: Fix(
                        title: "Declare \(names.joined(separator: " ")) where it is first used",
                        safety: .unsafe,
                        edits: [
                            .delete(arg.range),
                            TextEdit(
                                range: firstUse.range.lowerBound..<firstUse.range.lowerBound,
                                replacement: text),
                        ])))
        }
        return findings
    }

    /// Whether an instruction refers to one of `names` (`$NAME` or `${NAME...}`) in its text or
    /// heredoc bodies.
    static func mentions(_ instruction: Instruction, _ names: [String]) -> Bool {
        var text = instruction.text.string
        for doc in instruction.heredocs { text += doc.content }
        let bytes = Array(text.utf8)
        func isNameByte(_ b: UInt8) -> Bool {
            (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_")
        }
        return names.contains { name in
            let n = Array(name.utf8)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "$") {
                    var j = i + 1
                    if j < bytes.count && bytes[j] == UInt8(ascii: "{") { j += 1 }
                    if bytes[j...].starts(with: n) {
                        let end = j + n.count
                        if end == bytes.count || !isNameByte(bytes[end]) { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }
}
