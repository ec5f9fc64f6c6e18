import WhittleEngine
import WhittleShell
import WhittleSyntax

/// `clean-package-cache`: a RUN that fills a package manager's cache also cleans it (or, with
/// `cache-style = "mounts"`, keeps it in a BuildKit cache mount instead of the image).
public struct CleanPackageCachePass: Pass {
    public static let id = "clean-package-cache"
    public static let summary = "Clean package-manager caches in the RUN that creates them, or mount them"
    public static let rationale = """
        A package manager leaves indexes and downloads behind: apt's lists, apk's index, dnf's
        metadata, pip's and npm's caches. Deleted in a later RUN they still weigh in the layer
        that created them, so the cleanup has to happen in the same RUN. whittle adds, per
        manager:

        | manager | added |
        |---|---|
        | apt, apt-get, aptitude | `&& rm -rf /var/lib/apt/lists/*` after the last command |
        | apk | `--no-cache` on `add` and `upgrade` (and drops the then useless `apk update` of that RUN, and an `rm` of apk's cache the flag makes useless) |
        | dnf, yum, microdnf | `&& dnf clean all && rm -rf /var/cache/dnf` (yum's and microdnf's own) |
        | zypper | `&& zypper clean -a` |
        | pip, pip3, python -m pip, uv pip | `--no-cache-dir` (uv: `--no-cache`) on `install` |
        | npm, yarn, pnpm | `&& npm cache clean --force`, `&& yarn cache clean`, `&& pnpm store prune` |
        | gem, bundler | `--no-document` on `gem install`; `&& rm -rf "$(gem env gemdir)"/cache/*.gem` after `gem install` and `bundle install` |
        | go | `&& rm -rf "$(go env GOCACHE)"` after `go build`, `go install`, `go test`, `go vet` (Go's build cache; `go clean -cache` would fail before Go 1.10; left alone when the Dockerfile sets GOCACHE) |
        | composer | `&& composer clear-cache` |
        | conda, mamba, micromamba | `&& conda clean -afy` |
        | a downloaded archive | `&& rm -f FILE` once it is unpacked in the same RUN |

        It respects what is already there: an existing cleanup, `ENV PIP_NO_CACHE_DIR`, a
        `--mount=type=cache` or `type=tmpfs` on the cache folder. One existing cleanup is
        rewritten because a flag does the same: `apk add -U x && rm -rf /var/cache/apk/*` becomes
        `apk add --no-cache x` (the same layer; the index is never written), unless something
        after it reads the index from disk (`abuild`, a later RUN that runs apk without fetching
        an index of its own); other paths the `rm` removes stay. It works on the stages whose
        files end up in an image: the last stage and the stages it is built FROM, and a stage
        nothing else uses (no stage is built FROM it, nothing is copied out of it), which BuildKit
        builds only as `docker build --target NAME` (a `dev` or `debug` image), with the stages
        it is built FROM. It also works on the stages whose files are copied later with
        `COPY --from`: when the copy takes the cache
        folder along (`COPY --from=build / /`) it reaches the image; otherwise it still weighs in
        the builder's layers, which the build cache keeps and `--cache-to type=registry,mode=max`
        exports, and the finding says so. In a stage nothing is copied from (a test or lint
        stage) whittle changes nothing and says why in an informational finding.

        It never breaks a later step: when a later RUN of the stage (or of a stage built FROM it)
        installs without running `apt-get update` itself, removing the lists is an unsafe fix
        that also gives that RUN its own `apt-get update` (fresh lists can bring newer package
        versions); when such a RUN cannot take one (an install after `||`, in a pipeline, or in a
        RUN whittle cannot read), the lists stay and the finding says why. A RUN that only
        runs `apt-get update`, when nothing after it in the stage (or in a stage built FROM it)
        uses apt or runs a script file, fetches lists nobody installs from: it is removed. A RUN
        that updates and then does something else without an install whittle can see
        (`apt-get update && apt-get purge -y x`, `apt-get update && bash install.sh`) gets the
        removal at its end, unless a later RUN runs a script that may install from the lists. A
        RUN that names `/var/lib/apt/lists` where whittle does not read it as a command (inside
        `bash -c "..."`) is taken to clean up itself. A cleanup that stands alone in a later RUN,
        where it only hides bytes, moves into the RUN that created the cache. Appended lines
        follow the RUN's own continuation style (indent, `&&` at line end or start).

        RUNs under cmd.exe or PowerShell (Windows images) are not read as POSIX shell; there
        whittle only adds `--no-cache-dir` to `pip install` (pip keeps its cache in
        `%LOCALAPPDATA%\\pip\\Cache`), and only on RUNs without shell escapes (`^`, a backtick
        that is not a line continuation) or comment lines.

        With `cache-style = "mounts"` (or `--cache-style mounts`) apt, pip, npm, yarn, pnpm and go
        get `RUN --mount=type=cache,...` instead, which keeps the cache across builds on one
        builder and out of the image (BuildKit only; a `# syntax=docker/dockerfile:1` line is
        added when the file has none). Cleaning works with every builder, including the legacy
        one and Docker Hub's autobuilds; mounts make rebuilds faster on a persistent builder.
        """
    public static let fixSafety = FixSafety.safe
    public static let hadolintCodes = ["DL3009", "DL3019", "DL3042", "DL3060", "DL3032", "DL3036", "DL3040"]
    public static let examples = [
        PassExample(
            "An update without an install still leaves lists behind",
            input:
                "FROM python:3.12\nRUN apt-get update \\\n    && apt-get purge -y imagemagick\n",
            output:
                "FROM python:3.12\nRUN apt-get update \\\n    && apt-get purge -y imagemagick \\\n    && rm -rf /var/lib/apt/lists/*\n"
        ),
        PassExample(
            "apt lists are removed in the RUN that downloads them",
            input: "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n",
            output:
                "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        ),
        PassExample(
            "In a RUN of several lines, on a line of its own, in the file's style",
            input: "FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y curl\n",
            output:
                "FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n"
        ),
        PassExample(
            "apk: --no-cache, and the update it makes useless goes",
            input: "FROM alpine:3.20\nRUN apk update && apk add git\n",
            output: "FROM alpine:3.20\nRUN apk add --no-cache git\n"),
        PassExample(
            "apk: an update flag and an rm of the cache become --no-cache",
            input: "FROM alpine:3.20\nRUN apk add -U ferm && rm -rf /var/cache/apk/*\n",
            output: "FROM alpine:3.20\nRUN apk add --no-cache ferm\n"),
        PassExample(
            "pip and npm",
            input: "FROM node:20\nRUN pip3 install -r requirements.txt\nWORKDIR /app\nRUN npm ci\n",
            output:
                "FROM node:20\nRUN pip3 install --no-cache-dir -r requirements.txt\nWORKDIR /app\nRUN npm ci && npm cache clean --force\n"
        ),
        PassExample(
            "dnf",
            input: "FROM fedora:40\nRUN dnf install -y gcc\n",
            output: "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all && rm -rf /var/cache/dnf\n"),
        PassExample(
            "A downloaded archive is removed once unpacked",
            input:
                "FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/node.tgz https://example.com/node.tgz && tar -xzf /tmp/node.tgz -C /opt\n",
            output:
                "FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/node.tgz https://example.com/node.tgz && tar -xzf /tmp/node.tgz -C /opt && rm -f /tmp/node.tgz\n"
        ),
        PassExample(
            "A cleanup in its own later RUN moves to where the cache was made",
            input:
                "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCOPY app /app\nRUN rm -rf /var/lib/apt/lists/*\n",
            output:
                "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app /app\n"
        ),
        PassExample(
            "Cache mounts instead of cleaning",
            input: "FROM python:3.12-slim\nRUN pip install flask\n",
            output:
                "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
            options: ["cache-style": "mounts"]),
        PassExample(
            "A later RUN installs with the same lists: left alone (an unsafe fix gives it its own update)",
            input:
                "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCOPY pkgs.txt /\nRUN apt-get install -y $(cat /pkgs.txt)\n",
            output: nil),
        PassExample(
            "A stage built FROM this one installs with its lists: left alone",
            input:
                "FROM debian:bookworm AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y jq\n",
            output: nil),
        PassExample(
            "Already clean: PIP_NO_CACHE_DIR",
            input: "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
            output: nil),
        PassExample(
            "A builder stage the image copies from is cleaned too: its layers fill the build cache",
            input:
                "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y git\nFROM scratch\nCOPY --from=build /go/bin/app /app\n",
            output:
                "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\nFROM scratch\nCOPY --from=build /go/bin/app /app\n"
        ),
        PassExample(
            "A stage nothing else uses is built only as `docker build --target dev`: an image too",
            input:
                "FROM python:3.12-slim AS dev\nRUN pip install watchdog\nFROM python:3.12-slim\nCOPY app.py /app.py\n",
            output:
                "FROM python:3.12-slim AS dev\nRUN pip install --no-cache-dir watchdog\nFROM python:3.12-slim\nCOPY app.py /app.py\n"
        ),
        PassExample(
            "... unless the final image copies the cache folder from it",
            input:
                "FROM debian:bookworm AS rootfs\nRUN apt-get update && apt-get install -y curl\nFROM scratch\nCOPY --from=rootfs / /\n",
            output:
                "FROM debian:bookworm AS rootfs\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM scratch\nCOPY --from=rootfs / /\n"
        ),
    ]

    public init() {}

    public func run(_ context: PassContext) -> [Finding] {
        let file = context.file
        let finalStages = file.finalImageStages
        let mounts =
            (context.options.string("cache-style") ?? context.configuration.cacheStyle.rawValue) == "mounts"
        var findings: [Finding] = []
        let lineage = StageLineage(file)
        let targets = lineage.targetImages(file)
        for stage in file.stages {
            // Stages whose files end up in an image (the last stage's, or that of a stage only
            // `docker build --target` builds) are cleaned; so is a builder stage whose files are
            // copied later (its layers fill the build cache, which `--cache-to mode=max`
            // exports), with a note that the image does not change.
            var targetNote: String?
            var builderNote: String?
            if !finalStages.contains(stage.index) {
                if let target = targets[stage.index] {
                    let name = file.stages[target].alias ?? String(target)
                    targetNote =
                        "nothing else uses stage `\(name)`: it is built only as `docker build --target \(name)`, and this layer is part of that image"
                } else {
                    // Every other stage is built FROM by, or copied from by, another one.
                    let builder = BuilderStageCaches(file: file, stage: stage)
                    let copied = lineage.copied[stage.index] ?? []
                    if !builder.copiesCache(copied) { builderNote = builder.copiedStageNote(copied) }
                }
            }
            let runs = stage.instructions.filter { $0.kind == .run }.map { RunScript.cached($0, in: file) }
            // Stages built FROM this one inherit its files (and its apt lists).
            let descendants = (lineage.descendants[stage.index] ?? []).sorted().map { file.stages[$0] }
            let inherited = descendants.flatMap {
                $0.instructions.filter { $0.kind == .run }.map { RunScript.cached($0, in: file) }
            }
            for (n, run) in runs.enumerated() {
                let found: [Finding]
                if run.form == .shell || run.form == .heredoc, let script = run.script, !script.isOpaque {
                    let later = Array(runs[(n + 1)...]) + inherited
                    found = CacheCleaner(
                        context: context, stage: stage, run: run, script: script, later: later, mounts: mounts
                    ).findings()
                } else if run.form == .nonPOSIX {
                    let shell = RunShell.at(run.instruction.range.lowerBound, in: file)
                    found = WindowsPipCache.findings(run.instruction, shell: shell, in: file)
                } else {
                    continue
                }
                if let note = targetNote {
                    findings += found.map { $0.addingNote(note) }
                    continue
                }
                guard let note = builderNote else {
                    findings += found
                    continue
                }
                // The image does not get smaller: the saving is in the builder's layers.
                findings += found.map { finding in
                    var effect = finding.effect ?? Effect()
                    effect.bytesSaved = nil
                    effect.removedPaths = []
                    effect.note = "in the build cache, not the image: " + (effect.note ?? "the cache")
                    return finding.addingNote(note, effect: effect)
                }
            }
        }
        return findings
    }
}
