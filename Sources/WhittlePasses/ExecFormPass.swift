import Foundation
import WhittleEngine
import WhittleSyntax

/// `exec-form`: a shell-form CMD or ENTRYPOINT that uses no shell feature becomes exec form.
public struct ExecFormPass: Pass {
    public static let id = "exec-form"
    public static let summary = "Write CMD and ENTRYPOINT in exec (JSON) form when they use no shell feature"
    public static let rationale = """
        In shell form, `CMD node server.js` runs as `/bin/sh -c "node server.js"`. Unless the
        shell replaces itself with the command (some shells do for a lone command, none do for a
        list), the shell is the container's PID 1, and `docker stop` sends SIGTERM to the shell,
        which does not pass it on: the process is killed after the grace period (10 s by
        default) instead of shutting down cleanly. In exec form, `CMD ["node", "server.js"]`,
        the process itself receives the signal. BuildKit's JSONArgsRecommended check and
        hadolint's DL3025 ask for the same.

        whittle converts only commands with nothing for a shell to do: plain words, optionally
        quoted, with no variables, globs, redirections, operators or shell builtins. A leading
        `exec` is dropped, since exec form already replaces the process.
        """
    public static let fixSafety = FixSafety.safe
    public static let hadolintCodes = ["DL3025"]
    public static let buildKitChecks = ["JSONArgsRecommended"]
    public static let examples = [
        PassExample(
            "A plain command",
            input: "FROM python:3.12-slim\nCMD python app.py\n",
            output: "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n"),
        PassExample(
            "A base image with its own ENTRYPOINT receives CMD as arguments: unsafe",
            input: "FROM node:20-slim\nCMD node server.js\n",
            output: "FROM node:20-slim\nCMD [\"node\", \"server.js\"]\n", unsafeFixes: true),
        PassExample(
            "Quoted words and a leading exec",
            input: "FROM python:3.12-slim\nCMD exec gunicorn --bind '0.0.0.0:8000' \"app:create_app()\"\n",
            output:
                "FROM python:3.12-slim\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:create_app()\"]\n"
        ),
        PassExample(
            "A shell-form ENTRYPOINT is unsafe to convert: CMD would start being passed to it",
            input: "FROM alpine:3.20\nENTRYPOINT /usr/local/bin/run --verbose\n",
            output: "FROM alpine:3.20\nENTRYPOINT [\"/usr/local/bin/run\", \"--verbose\"]\n",
            unsafeFixes: true),
        PassExample(
            "Variables need a shell: left alone",
            input: "FROM alpine:3.20\nCMD server --port $PORT\n", output: nil),
        PassExample(
            "Operators need a shell: left alone",
            input: "FROM alpine:3.20\nCMD ./migrate && ./serve\n", output: nil),
        PassExample(
            "A custom SHELL runs the shell form: left alone",
            input:
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCMD Start-Service w3svc\n",
            output: nil),
    ]

    public init() {}

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        // A SHELL instruction anywhere, or the backtick escape of Windows files, means the shell form
        // is not (or may not be) /bin/sh: converting would change which program runs.
        if file.escape != UInt8(ascii: "\\") || file.instructions.contains(where: { $0.kind == .shell }) {
            return []
        }
        var findings: [Finding] = []
        for stage in file.stages {
            // The ENTRYPOINT in force: this stage's last, else the nearest parent stage's.
            var lastEntrypoint = stage.instructions.last { $0.kind == .entrypoint }
            var root = stage
            while let parent = file.parentStage(of: root) {
                if lastEntrypoint == nil {
                    lastEntrypoint = parent.instructions.last { $0.kind == .entrypoint }
                }
                root = parent
            }
            let baseImage = file.resolvedBaseImage(of: root).value
            for instruction in stage.instructions
            where instruction.kind == .cmd || instruction.kind == .entrypoint {
                // Windows images run the shell form under cmd.exe: left alone, like a SHELL.
                guard !instruction.isJSON, !instruction.argumentsRange.isEmpty,
                    RunShell.at(instruction.range.lowerBound, in: file) == .posix,
                    instruction.continuationComments.isEmpty,
                    let words = Self.plainWords(instruction.arguments)
                else { continue }
                var safety = FixSafety.safe
                var notes: [String] = []
                if instruction.kind == .entrypoint {
                    safety = .unsafe
                    notes.append(
                        "In exec form the ENTRYPOINT receives CMD (this stage's or the base image's) as arguments; in shell form CMD was ignored."
                    )
                } else if let entrypoint = lastEntrypoint {
                    if !entrypoint.isJSON { continue }  // CMD is ignored under a shell-form ENTRYPOINT.
                    safety = .unsafe
                    notes.append(
                        "The ENTRYPOINT at line \(entrypoint.startLine) receives CMD as arguments: they change from `/bin/sh -c '...'` to the words themselves."
                    )
                } else if !Self.hasNoEntrypoint(baseImage) {
                    safety = .unsafe
                    notes.append(
                        "The base image \(baseImage) may set an ENTRYPOINT (many official images run a docker-entrypoint.sh), which receives CMD as arguments: they change from `/bin/sh -c '...'` to the words themselves."
                    )
                }
                let json = "[" + words.map { JSONValueText.quoted($0) }.joined(separator: ", ") + "]"
                let range = instruction.argumentsSourceRange
                findings.append(
                    Finding(
                        passID: Self.id,
                        message:
                            "\(instruction.keyword.uppercased()) in shell form runs under /bin/sh -c, which may not pass stop signals on",
                        range: instruction.keywordSourceRange.lowerBound..<range.upperBound,
                        notes: notes,
                        effect: Effect(
                            note: "clean shutdown on docker stop instead of a kill after the grace period"),
                        fix: Fix(
                            title: "Use exec form: \(json)", safety: safety,
                            edits: [TextEdit(range: range, replacement: json)])))
            }
        }
        return findings
    }

    /// Images known to set no ENTRYPOINT, so that CMD is the whole command line. Official images
    /// that do set one (node, postgres, nginx, php, maven, redis, mysql, ...) are not here.
    static let imagesWithoutEntrypoint: Set<String> = [
        "scratch", "debian", "ubuntu", "alpine", "busybox", "fedora", "centos", "rockylinux", "almalinux",
        "amazonlinux", "opensuse/leap", "opensuse/tumbleweed", "python", "golang", "rust", "ruby", "perl",
        "gcc",
        "eclipse-temurin", "openjdk", "amazoncorretto", "ibmjava", "sapmachine", "httpd", "swift",
        "gcr.io/distroless/static", "gcr.io/distroless/static-debian11", "gcr.io/distroless/static-debian12",
        "gcr.io/distroless/base", "gcr.io/distroless/base-debian11", "gcr.io/distroless/base-debian12",
        "gcr.io/distroless/cc", "gcr.io/distroless/cc-debian11", "gcr.io/distroless/cc-debian12",
        "mcr.microsoft.com/dotnet/aspnet", "mcr.microsoft.com/dotnet/runtime", "mcr.microsoft.com/dotnet/sdk",
        "mcr.microsoft.com/dotnet/runtime-deps",
    ]

    /// Whether `image` (a resolved FROM reference) is one of `imagesWithoutEntrypoint`.
    static func hasNoEntrypoint(_ image: String) -> Bool {
        var name = image
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") {
            name = String(name[..<colon])
        }
        for prefix in ["docker.io/library/", "index.docker.io/library/", "library/", "docker.io/"]
        where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return imagesWithoutEntrypoint.contains(name.lowercased())
    }

    /// Builtins and reserved words that only a shell can run.
    static let shellOnly: Set<String> = [
        "cd", "source", ".", "export", "set", "unset", "eval", "ulimit", "umask", "trap", "alias", "[",
        "test", "if",
        "for", "while", "until", "case", "function", "{", "(", "!", "exit", "return", "shift", "wait", "read",
        "local",
        "declare", "typeset", "readonly", "let", "true", "false", ":",
    ]

    /// The words of a command that needs no shell, quotes removed; nil when it needs one.
    static func plainWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current: String? = nil
        var iterator = Array(text.unicodeScalars)
        var i = 0
        func isPlain(_ c: Unicode.Scalar) -> Bool {
            if c.properties.isAlphabetic || ("0"..."9").contains(c) { return true }
            return "_./:=@%+,-".unicodeScalars.contains(c)
        }
        while i < iterator.count {
            let c = iterator[i]
            if c == " " || c == "\t" {
                if let w = current { words.append(w) }
                current = nil
                i += 1
            } else if c == "'" {
                guard let close = iterator[(i + 1)...].firstIndex(of: "'") else { return nil }
                current = (current ?? "") + String(String.UnicodeScalarView(iterator[(i + 1)..<close]))
                i = close + 1
            } else if c == "\"" {
                guard let close = iterator[(i + 1)...].firstIndex(of: "\"") else { return nil }
                let inner = iterator[(i + 1)..<close]
                if inner.contains(where: { $0 == "$" || $0 == "`" || $0 == "\\" || $0 == "!" }) { return nil }
                current = (current ?? "") + String(String.UnicodeScalarView(inner))
                i = close + 1
            } else if isPlain(c) {
                current = (current ?? "") + String(c)
                i += 1
            } else {
                return nil
            }
        }
        if let w = current { words.append(w) }
        iterator = []
        if words.first == "exec" { words.removeFirst() }
        guard let first = words.first, !first.contains("="), !shellOnly.contains(first) else { return nil }
        return words
    }
}

/// JSON string literals for exec-form arrays.
enum JSONValueText {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    out += String(format: "\\u%04x", c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
