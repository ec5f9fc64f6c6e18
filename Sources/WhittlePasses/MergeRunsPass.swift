import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `merge-runs`: consecutive RUN instructions become one `&&` chain, when that is safe.
public struct MergeRunsPass: Pass {
    public static let id = "merge-runs"
    public static let summary =
        "Merge consecutive RUN instructions into one layer when it cannot change the build"
    public static let rationale = """
        Every RUN adds a layer. Files a later RUN deletes still weigh in the layer that created
        them, so a cleanup only saves space in the RUN that made the mess, and `apt-get update` in
        its own RUN leaves a stale package list in the build cache: the install after it keeps
        using the old list until the cache is busted (a correctness bug as well as a size one).

        whittle joins consecutive RUNs of a stage with `&&` in the file's own style (continuation
        indent, `&&` at line end or start, escape character). It merges only when the result
        provably does what the separate RUNs did:
        - both are POSIX shell form (no exec form or heredoc; Windows shells below) with identical
          flags (`--mount`, `--network`, `--security`), and only comments or blank lines stand
          between them; a different USER, WORKDIR, ENV, ARG, COPY or SHELL ends the run;
        - the first cannot swallow or redirect the second: no trailing comment, no trailing `&`,
          no top-level `exit` or `exec`;
        - state the first leaves behind (`cd`, `export`, `set`, `umask`, `source`, `alias`,
          `trap`, variables, functions) cannot reach the second: such a RUN is wrapped in a
          subshell `( ... )`;
        - a later RUN whose own list could run after a failure (`a; b`, `a || b`) is wrapped in a
          subshell too, so that a failure of the earlier part still fails the build.

        Windows images get the same pass with the rules of their shells. A Windows RUN is a new
        process that reads the machine's environment afresh, so a PATH that an installer or
        `setx` wrote is seen by the next RUN but never by a command later on the same line.
        whittle therefore joins Windows RUNs only when every RUN but the last provably leaves
        nothing but files behind:
        - cmd.exe (the default shell of Windows images): joined with `&&`; the earlier RUNs use
          only file tools (`mkdir`, `copy`, `del`, `icacls`, `curl`, `tar`, ...) or
          `powershell -Command` scripts made of file cmdlets; no `&`, `||` or `^` on either
          line, balanced quotes, and the first line does not start with a quote (`cmd /S`
          would strip it with the merged line's last quote);
        - a PowerShell SHELL whose prefix sets `$ErrorActionPreference = 'Stop'` (so any error
          still ends the script): joined with `;`; the earlier RUNs are file cmdlets
          (`Invoke-WebRequest`, `Expand-Archive`, `Remove-Item`, `Write-Host`, checksum `if`s that
          `exit 1`) and, since the session is shared, set no location, preference or `$env:`
          variable, and no variable that a later RUN of the chain reads (the session's TLS
          versions, `[Net.ServicePointManager]::SecurityProtocol`, count as one: fine unless a
          later RUN of the chain makes a web request).
        `Start-Process`, `msiexec`, `choco`, `setx`, `[Environment]::SetEnvironmentVariable`,
        scripts (`.bat`, `.cmd`, `.ps1`), installers (`setup.exe`, `vs_buildtools.exe`), cmd.exe's
        `cd`, `set`, `call` and `for`, PowerShell commands whittle does not know (they may be
        aliases or functions that change the session) keep the RUNs apart.

        A RUN whose only unknown is a program (`mytool.exe`, `git`, `npm`, `python`;
        in PowerShell a `.exe` or a well-known program name) is joined by an **unsafe** fix:
        most programs only write files, but one that changes the machine's environment (as an
        npm package that installs build tools does) or leaves a process running would change the
        next RUN and not a command joined after it. Even then the RUNs stay apart when the next
        one reads an environment variable such a program could have changed (`%PATH%`,
        `$env:PYTHON`; not Windows' own folders such as `%ProgramFiles%`, nor a name the
        Dockerfile sets with ENV or ARG). Under PowerShell a program's failure does not stop the
        script as it ended the RUN, so the join adds `if (-not $?) { exit 1 }`.

        RUNs left apart because merging them would change the build get an informational
        finding that names the reason (hadolint's DL3059 still reports them); RUNs kept apart on
        purpose (below) get none.

        Comments between the RUNs move into the continuation, where BuildKit ignores them; blank
        lines between them are dropped (BuildKit warns about empty continuation lines).

        Like hadolint's DL3059, whittle takes a RUN that already chains three or more commands as
        a layer someone split on purpose (often to keep a slow step cached) and leaves it apart;
        so does a RUN annotated with a `# hadolint ...` or `# whittle ...` comment, whose pragma
        would otherwise stop applying to it. A lone `apt-get update` is always merged into the
        install after it.

        Options (`[passes.merge-runs]`): `long-run-commands = N` (default 3) sets that threshold
        (0 merges long RUNs too); `max-chain-length = N` keeps RUNs apart once the merged chain
        would exceed N commands. `# whittle ignore=merge-runs` above a RUN keeps it separate from
        the one before.
        """
    public static let fixSafety = FixSafety.safe
    public static let hadolintCodes = ["DL3059"]
    public static let examples = [
        PassExample(
            "An update and an install",
            input: "FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n",
            output: "FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y curl\n"),
        PassExample(
            "Comments move into the continuation; the file's style is kept",
            input: """
                FROM alpine:3.20
                RUN apk add --no-cache git \\
                  && git --version
                # fetch the sources
                RUN git clone https://example.com/repo.git /src
                """ + "\n",
            output: """
                FROM alpine:3.20
                RUN apk add --no-cache git \\
                  && git --version \\
                  # fetch the sources
                  && git clone https://example.com/repo.git /src
                """ + "\n"),
        PassExample(
            "A cd in the first RUN is kept to itself",
            input: "FROM golang:1.22\nRUN cd /src && go build -o /app\nRUN ls /app\n",
            output: "FROM golang:1.22\nRUN (cd /src && go build -o /app) && \\\n    ls /app\n"),
        PassExample(
            "A later list that could run after a failure is grouped",
            input: "FROM debian:bookworm\nRUN make\nRUN make test || cat test.log\n",
            output: "FROM debian:bookworm\nRUN make && \\\n    (make test || cat test.log)\n"),
        PassExample(
            "Windows, cmd.exe: file tools are chained with &&",
            input:
                "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN mkdir C:\\app\nRUN curl.exe -fsSLo C:\\app\\app.zip https://example.com/app.zip\n",
            output:
                "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN mkdir C:\\app && \\\n    curl.exe -fsSLo C:\\app\\app.zip https://example.com/app.zip\n"
        ),
        PassExample(
            "Windows, PowerShell that stops on errors: file cmdlets are joined with ;",
            input: """
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
                RUN Invoke-WebRequest -Uri $env:APP_URL -OutFile app.zip
                RUN Expand-Archive app.zip -DestinationPath C:\\app
                """ + "\n",
            output: """
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
                RUN Invoke-WebRequest -Uri $env:APP_URL -OutFile app.zip; `
                    Expand-Archive app.zip -DestinationPath C:\\app
                """ + "\n"),
        PassExample(
            "Windows, cmd.exe: a program whittle does not know is joined by an unsafe fix",
            input:
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN python C:\\src\\generate.py\nRUN tar -xf C:\\src\\out.zip -C C:\\app\n",
            output:
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN python C:\\src\\generate.py && \\\n    tar -xf C:\\src\\out.zip -C C:\\app\n",
            unsafeFixes: true),
        PassExample(
            "Windows: setx changes the PATH the next RUN reads: left alone",
            input:
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN setx /M PATH \"%PATH%;C:\\go\\bin\"\nRUN go version\n",
            output: nil),
        PassExample(
            "Different mounts: left alone",
            input:
                "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN python -c 'import flask'\n",
            output: nil),
        PassExample(
            "A trailing comment would swallow the next command: left alone",
            input: "FROM debian:bookworm\nRUN make # build\nRUN make install\n",
            output: nil),
        PassExample(
            "Kept apart on purpose",
            input:
                "FROM debian:bookworm\nRUN make\n# whittle ignore=merge-runs -- the build is slow; keep its layer cached\nRUN make install\n",
            output: nil),
        PassExample(
            "A RUN that already chains several commands is a deliberate layer",
            input: "FROM debian:bookworm\nRUN ./configure && make && make install\nRUN ldconfig\n",
            output: nil),
        PassExample(
            "... unless long-run-commands says otherwise",
            input: "FROM debian:bookworm\nRUN ./configure && make && make install\nRUN ldconfig\n",
            output: "FROM debian:bookworm\nRUN ./configure && make && make install && \\\n    ldconfig\n",
            options: ["long-run-commands": "0"]),
        PassExample(
            "A lone index update is merged even into a long install",
            input:
                "FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl && curl --version && rm -rf /var/lib/apt/lists/*\n",
            output:
                "FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y curl && curl --version && rm -rf /var/lib/apt/lists/*\n"
        ),
        PassExample(
            "A pragma for another tool stays with its RUN",
            input: "FROM node:20\nRUN npm ci\n# hadolint ignore=DL3016\nRUN npm install -g nodemon\n",
            output: nil),
        PassExample(
            "A chain length limit",
            input: "FROM debian:bookworm\nRUN a && b\nRUN c\n",
            output: nil, options: ["max-chain-length": "2"]),
    ]

    public init() {}

    /// One RUN of a candidate chain, with what merging it requires.
    struct Member {
        let instruction: Instruction
        let script: ShellScript
    }

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        let maxChain = context.options.int("max-chain-length") ?? 0
        let longRun = context.options.int("long-run-commands") ?? 3
        var findings: [Finding] = []
        for stage in file.stages {
            var chain: [Member] = []
            var notes: [String] = []
            func flush() {
                if chain.count > 1, let finding = merge(chain, notes: notes, context: context) {
                    findings.append(finding)
                }
                chain = []
                notes = []
            }
            for instruction in stage.instructions {
                guard instruction.kind == .run else {
                    flush()
                    continue
                }
                let run = RunScript.cached(instruction, in: file)
                guard run.form == .shell, let script = run.script, !script.isOpaque else {
                    flush()
                    continue
                }
                let member = Member(instruction: instruction, script: script)
                guard let previous = chain.last else {
                    chain = [member]
                    continue
                }
                if let reason = Self.reasonToKeepApart(
                    previous, member, chain: chain, maxChain: maxChain, longRun: longRun, context: context)
                {
                    if Self.isLoneIndexUpdate(previous.script) && chain.count == 1 {
                        notes.append(reason)
                        findings.append(
                            Finding(
                                passID: Self.id, severity: .warning,
                                message:
                                    "a package index update in its own RUN leaves a stale list in the build cache",
                                range: previous.instruction.keywordSourceRange
                                    .lowerBound..<previous.instruction.argumentsSourceRange.upperBound,
                                notes: ["not merged automatically: \(reason)"]))
                    } else if let finding = Self.keptApartFinding(member.instruction, reason) {
                        findings.append(finding)
                    }
                    flush()
                    chain = [member]
                    continue
                }
                chain.append(member)
            }
            flush()
            findings += windowsFindings(in: stage, context: context, maxChain: maxChain, longRun: longRun)
        }
        return findings
    }

    /// Why `next` cannot join the chain ending in `previous`, or nil when it can.
    static func reasonToKeepApart(
        _ previous: Member, _ next: Member, chain: [Member], maxChain: Int, longRun: Int, context: PassContext
    ) -> String? {
        let a = previous.script
        if previous.instruction.flags.map(\.text) != next.instruction.flags.map(\.text) {
            return "the RUNs have different flags"
        }
        if a.endsInComment { return "the first RUN ends in a comment, which would swallow the second" }
        if a.endsInBackground || a.leakingState.contains(where: { $0.kind == .background }) {
            return "the first RUN starts a background job, which would still run during the second"
        }
        if a.leakingState.contains(where: { ($0.kind == .exit || $0.kind == .exec) && !$0.isConditional }) {
            return "the first RUN exits or execs, so the second would not run"
        }
        if context.isSuppressed(id, codes: hadolintCodes, at: next.instruction) {
            return "a suppression comment keeps them apart"
        }
        if hasPragma(between: previous.instruction, and: next.instruction, in: context.file) {
            return "a tool comment (hadolint or whittle) annotates the second RUN"
        }
        let loneUpdate = chain.count == 1 && isLoneIndexUpdate(previous.script)
        if longRun > 0 && !loneUpdate {
            if topLevelCommandCount(next.script) >= longRun
                || chain.contains(where: { topLevelCommandCount($0.script) >= longRun })
            {
                return "a RUN that already chains \(longRun) or more commands is kept as its own layer"
            }
        }
        if maxChain > 0 && !(chain.count == 1 && isLoneIndexUpdate(previous.script)) {
            let count =
                chain.reduce(0) { $0 + topLevelCommandCount($1.script) } + topLevelCommandCount(next.script)
            if count > maxChain { return "the chain would exceed max-chain-length (\(maxChain))" }
        }
        return nil
    }

    /// Reasons that say a user (or a setting) wants the RUNs apart: nothing to report.
    static let deliberateReasons = [
        "the RUNs have different flags", "a suppression comment", "a tool comment",
        "a RUN that already chains",
        "the chain would exceed",
    ]

    /// An informational finding for two consecutive RUNs that merging would change (hadolint's
    /// DL3059 reports them; whittle says why it leaves them), or nil for a deliberate split.
    static func keptApartFinding(_ second: Instruction, _ reason: String) -> Finding? {
        if deliberateReasons.contains(where: { reason.hasPrefix($0) }) { return nil }
        return Finding(
            passID: id, severity: .info, message: "this RUN stays apart from the RUN before it",
            range: second.keywordSourceRange.lowerBound..<second.argumentsSourceRange.upperBound,
            notes: ["not merged: \(reason)"], ruleCodes: hadolintCodes)
    }

    /// Whether a `# hadolint ...` or `# whittle ...` comment stands between two instructions.
    static func hasPragma(between a: Instruction, and b: Instruction, in file: Dockerfile) -> Bool {
        for node in file.nodes {
            guard case .comment(let r) = node, r.lowerBound >= a.range.upperBound,
                r.upperBound <= b.range.lowerBound
            else {
                continue
            }
            let text = commentText(file.source.bytes, r).dropFirst().drop { $0 == " " || $0 == "\t" }
                .lowercased()
            if text.hasPrefix("hadolint ") || text.hasPrefix("whittle ") { return true }
        }
        return false
    }

    static func topLevelCommandCount(_ script: ShellScript) -> Int {
        script.commands.filter { $0.isTopLevel }.count
    }

    /// `apt-get update`, `apk update`, `dnf makecache`, ... and nothing else.
    static func isLoneIndexUpdate(_ script: ShellScript) -> Bool {
        let commands = script.packageManagerCommands
        guard script.commands.count == 1, let only = commands.first else { return false }
        switch only.action {
        case .update, .makecache: return true
        default: return false
        }
    }

    /// Whether a member must be wrapped in a subshell, by its place in the chain.
    static func needsSubshell(_ m: Member, isFirst: Bool, isLast: Bool) -> Bool {
        let script = m.script
        if !isLast {
            if !script.leakingState.isEmpty { return true }
            if script.body.items.last?.terminator != nil { return true }
        }
        if !isFirst {
            if script.body.items.count > 1 { return true }
            if let only = script.body.items.first, only.andOr.connectors.contains(.or) { return true }
        }
        return false
    }

    func merge(_ chain: [Member], notes: [String], context: PassContext) -> Finding? {
        let style = FileStyle(of: chain.map(\.instruction), in: context.file, fileStyle: context.style)
        var edits: [TextEdit] = []
        let wraps = chain.indices.map {
            Self.needsSubshell(chain[$0], isFirst: $0 == 0, isLast: $0 == chain.count - 1)
        }
        func opening(_ m: Member) -> String { m.script.source.text.first == UInt8(ascii: "(") ? "( " : "(" }
        func closing(_ m: Member) -> String { m.script.source.text.last == UInt8(ascii: ")") ? " )" : ")" }
        if wraps[0] { edits.append(.insert(opening(chain[0]), at: ScriptEdits.scriptStart(chain[0].script))) }
        for k in 1..<chain.count {
            let a = chain[k - 1]
            let b = chain[k]
            let from = ScriptEdits.scriptEnd(a.script)
            let to = ScriptEdits.scriptStart(b.script)
            guard from <= to else { return nil }
            // Comments that stand between the two scripts: comment lines between the RUNs and
            // comment lines of b's own continuation before its script.
            let comments = Self.comments(from..<to, before: b.instruction, in: context.file)
            var joiner = wraps[k - 1] ? closing(a) : ""
            switch style.operatorPlacement {
            case .lineEnd:
                joiner += " &&" + style.lineContinuation
                for c in comments { joiner += style.continuationIndent + c + style.newline }
                joiner += style.continuationIndent
            case .lineStart:
                joiner += style.lineContinuation
                for c in comments { joiner += style.continuationIndent + c + style.newline }
                joiner += style.continuationIndent + "&& "
            }
            if wraps[k] { joiner += opening(b) }
            edits.append(TextEdit(range: from..<to, replacement: joiner))
        }
        if let last = chain.last, wraps[chain.count - 1] {
            edits.append(.insert(closing(last), at: ScriptEdits.scriptEnd(last.script)))
        }
        let second = chain[1].instruction
        let lone = Self.isLoneIndexUpdate(chain[0].script)
        var findingNotes = notes
        if wraps.contains(true) {
            findingNotes.append(
                "RUNs that leave shell state behind, or whose lists could continue after a failure, are wrapped in a subshell so that each part behaves as it did alone"
            )
        }
        let count = chain.count
        return Finding(
            passID: Self.id,
            message: lone
                ? "the package index update is in its own RUN: merge it with the install after it (one layer, no stale package list)"
                : "\(count) consecutive RUN instructions can be one layer",
            range: second.keywordSourceRange
                .lowerBound..<chain.last!.instruction.argumentsSourceRange.upperBound,
            notes: findingNotes,
            effect: Effect(layersRemoved: count - 1),
            fix: Fix(title: "Merge \(count) RUNs into one", safety: .safe, edits: edits))
    }

    /// The comment lines in `span` (between two RUNs' scripts): comment lines between the RUNs
    /// and comment lines of the second RUN's own continuation before its script.
    static func comments(_ span: Range<Int>, before second: Instruction, in file: Dockerfile) -> [String] {
        let source = file.source.bytes
        var comments: [String] = []
        for node in file.nodes {
            guard case .comment(let r) = node, r.lowerBound >= span.lowerBound,
                r.upperBound <= span.upperBound
            else { continue }
            comments.append(commentText(source, r))
        }
        for r in second.continuationComments
        where r.lowerBound >= span.lowerBound && r.upperBound <= span.upperBound {
            comments.append(commentText(source, r))
        }
        return comments
    }

    /// A comment line's text without leading blanks and line terminator.
    static func commentText(_ s: [UInt8], _ r: Range<Int>) -> String {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi && (s[lo] == 0x20 || s[lo] == 0x09) { lo += 1 }
        while hi > lo && (s[hi - 1] == 0x0A || s[hi - 1] == 0x0D) { hi -= 1 }
        return String(decoding: s[lo..<hi], as: UTF8.self)
    }
}
