#!/usr/bin/env python3
"""whittle's GitHub Action: check the Dockerfiles a pull request changes.

Called by the composite action (action.yml at the repository root), but runs anywhere with
Python 3 (standard library only) and git, so it can be tested offline:

    WHITTLE_BIN=/path/to/whittle GITHUB_EVENT_PATH=event.json \\
        python3 integrations/github-action/run.py --dry-run --reporter reviewdog

What it does:

1. Finds whittle: $WHITTLE_BIN; else, by `--version`: `source` (the default) builds this
   checkout with `swift build -c release`; `system` takes `whittle` from PATH; `X.Y.Z` or
   `latest` downloads a release binary.
2. Decides what to check: the `--paths` given; else, for a pull_request event, the Dockerfiles
   the pull request changes (`git diff --name-only BASE...HEAD`, filtered by whittle's Dockerfile
   name rules); else `.` (every Dockerfile under the working directory).
3. Runs `whittle check` in the chosen format and reports:
   - reviewdog: `whittle check --format rdjson`, made ready for reviewdog's GitHub reporters
     (see `reviewdog_ready`), piped to `reviewdog -f=rdjson -reporter=github-pr-review`;
   - sarif: `whittle check --format sarif` written to a file (default `whittle.sarif`) for
     `github/codeql-action/upload-sarif`;
   - github: `whittle check --format github` (workflow-command annotations) on standard output.
4. Exits like `whittle check --fail-on LEVEL`: 1 when findings reach the level, 2 when a file
   could not be read; never failing with `--fail-on never`. Its own problems (a bad input, no
   Swift, a failed download, reviewdog failing) exit with 3.

With `--dry-run` (or WHITTLE_ACTION_DRY_RUN=1) nothing is sent: it prints on standard output one
JSON document saying exactly what would be sent (the rdjson document and the reviewdog command
line; or the SARIF file's path and a summary of it), and still writes the SARIF file.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

FAIL_LEVELS = ("fixable", "info", "warning", "error", "never")
REPORTERS = ("reviewdog", "sarif", "github")
PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target", "pull_request_review")

# whittle's rules (Sources/WhittleCLI/FileDiscovery.swift, Docs/CLI.md "Which files are read"):
# a Dockerfile is named, ignoring case, `Dockerfile`, `*.Dockerfile`, `Dockerfile.*`,
# `Containerfile`, `*.containerfile` or `Containerfile.*`; a folder search skips these folders.
DOCKERFILE_STEMS = ("dockerfile", "containerfile")
SKIPPED_FOLDERS = {
    ".git", ".hg", ".svn", "node_modules", ".build", ".venv", "venv", "__pycache__", ".tox",
    "target", ".terraform", ".gradle", ".idea",
}

RELEASES_URL = os.environ.get(
    "WHITTLE_RELEASES_URL", "https://github.com/whittle-dev/whittle/releases")
SCRIPT_DIR = Path(__file__).resolve().parent


class ActionError(Exception):
    """A problem with the action's setup (not a finding): always fails the step."""


def log(message: str) -> None:
    print(f"whittle-action: {message}", file=sys.stderr, flush=True)


def truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def is_dockerfile_name(name: str) -> bool:
    lower = name.lower()
    return any(
        lower == stem or lower.endswith("." + stem) or lower.startswith(stem + ".")
        for stem in DOCKERFILE_STEMS)


def is_dockerfile_path(path: str) -> bool:
    parts = path.split("/")
    return is_dockerfile_name(parts[-1]) and not any(p in SKIPPED_FOLDERS for p in parts[:-1])


def git(*args: str, cwd: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=check, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)


# --- finding whittle ---------------------------------------------------------------------------

def find_whittle(version: str, dry_run: bool) -> str:
    explicit = os.environ.get("WHITTLE_BIN")
    if explicit:
        if not os.access(explicit, os.X_OK):
            raise ActionError(f"WHITTLE_BIN={explicit} is not an executable file")
        return explicit
    version = (version or "source").strip()
    if version == "source":
        return build_from_source()
    if version == "system":
        found = shutil.which("whittle")
        if not found:
            raise ActionError("version: system, but there is no whittle on PATH")
        return found
    if dry_run:
        log(f"dry run: would download whittle {version} from {release_url(version)}")
    return download_release(version)


def source_dir() -> Path:
    """The whittle checkout to build: WHITTLE_SOURCE_DIR, the action's own checkout, or the
    repository this script lives in."""
    for candidate in (os.environ.get("WHITTLE_SOURCE_DIR"), os.environ.get("GITHUB_ACTION_PATH")):
        if candidate and (Path(candidate) / "Package.swift").is_file():
            return Path(candidate)
    root = SCRIPT_DIR.parent.parent
    if (root / "Package.swift").is_file():
        return root
    raise ActionError("version: source, but no whittle checkout (Package.swift) was found")


def build_from_source() -> str:
    src = source_dir()
    if not shutil.which("swift"):
        raise ActionError(
            "version: source needs Swift 6 on the runner (add a setup-swift step), "
            "or use version: X.Y.Z to download a release")
    command = ["swift", "build", "-c", "release", "--package-path", str(src), "--product", "whittle"]
    scratch = os.environ.get("WHITTLE_SCRATCH_PATH")
    if scratch:
        command += ["--scratch-path", scratch]
    log("building whittle: " + shlex.join(command))
    in_actions = truthy(os.environ.get("GITHUB_ACTIONS"))
    if in_actions:
        print("::group::swift build -c release", flush=True)
    # The build log goes to standard error: standard output carries the report.
    result = subprocess.run(command, stdout=sys.stderr, stderr=sys.stderr)
    if in_actions:
        print("::endgroup::", flush=True)
    if result.returncode != 0:
        raise ActionError(f"swift build failed (exit {result.returncode})")
    bin_path = subprocess.run(
        command + ["--show-bin-path"], check=True, text=True, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL).stdout.strip()
    binary = os.path.join(bin_path, "whittle")
    if not os.access(binary, os.X_OK):
        raise ActionError(f"swift build did not produce {binary}")
    return binary


def release_asset() -> str:
    system = {"Linux": "linux", "Darwin": "macos"}.get(platform.system())
    machine = {"x86_64": "x86_64", "amd64": "x86_64", "AMD64": "x86_64",
               "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine())
    if not system or not machine:
        raise ActionError(f"no whittle release for {platform.system()} {platform.machine()}")
    return f"whittle-{system}-{machine}.tar.gz"


def release_url(version: str) -> str:
    asset = release_asset()
    if version == "latest":
        return f"{RELEASES_URL}/latest/download/{asset}"
    tag = version if version.startswith("v") else "v" + version
    return f"{RELEASES_URL}/download/{tag}/{asset}"


def download_release(version: str) -> str:
    """Downloads `whittle-{linux,macos}-{x86_64,arm64}.tar.gz` (a tarball holding `whittle`) from
    the release, checks it against `ASSET.sha256` when the release has one, and unpacks it into
    the runner's tool cache."""
    import hashlib

    url = release_url(version)
    cache = Path(os.environ.get("RUNNER_TOOL_CACHE") or tempfile.gettempdir()) / "whittle" / version
    binary = cache / "whittle"
    if binary.is_file() and os.access(binary, os.X_OK) and version != "latest":
        return str(binary)
    cache.mkdir(parents=True, exist_ok=True)
    log(f"downloading {url}")
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
    except OSError as error:
        raise ActionError(f"could not download {url}: {error}") from error
    try:
        with urllib.request.urlopen(url + ".sha256", timeout=60) as response:
            expected = response.read().decode().split()[0].lower()
    except OSError:
        expected = None
        log(f"no checksum at {url}.sha256; not verified")
    if expected and hashlib.sha256(data).hexdigest() != expected:
        raise ActionError(f"checksum mismatch for {url}")
    archive = cache / "whittle.tar.gz"
    archive.write_bytes(data)
    with tarfile.open(archive) as tar:
        member = next((m for m in tar.getmembers()
                       if m.isfile() and os.path.basename(m.name) == "whittle"), None)
        if member is None:
            raise ActionError(f"{url} holds no file named whittle")
        with tar.extractfile(member) as source, open(binary, "wb") as target:
            shutil.copyfileobj(source, target)
    archive.unlink()
    binary.chmod(0o755)
    return str(binary)


# --- what to check ----------------------------------------------------------------------------

def load_event(path: str | None) -> dict:
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        return json.loads(text) if text.strip() else {}
    except (OSError, ValueError) as error:
        raise ActionError(f"cannot read the event payload {path}: {error}") from error


def pull_request_shas(event: dict) -> tuple[str, str] | None:
    pr = event.get("pull_request")
    if not isinstance(pr, dict):
        return None
    try:
        return pr["base"]["sha"], pr["head"]["sha"]
    except (KeyError, TypeError):
        return None


def ensure_commit(sha: str, cwd: str) -> None:
    if git("cat-file", "-e", sha + "^{commit}", cwd=cwd, check=False).returncode == 0:
        return
    log(f"fetching {sha} (use actions/checkout with fetch-depth: 0 to skip this)")
    git("fetch", "--no-tags", "--quiet", "origin", sha, cwd=cwd, check=False)


def changed_files(base: str, head: str, cwd: str) -> list[str]:
    """Files added, copied, modified, renamed or retyped between the merge base of BASE and HEAD
    and HEAD, relative to the repository root (deleted files are left out)."""
    for sha in (base, head):
        ensure_commit(sha, cwd)
    diff = git("diff", "--name-only", "--no-renames", "--diff-filter=d", "-z",
               f"{base}...{head}", cwd=cwd, check=False)
    if diff.returncode != 0:
        # A shallow clone has no merge base: compare the two commits directly (this can list
        # files changed on the base branch too; they are checked as well).
        log(f"git diff {base}...{head} failed ({diff.stderr.strip()}); comparing {base} {head}")
        diff = git("diff", "--name-only", "--no-renames", "--diff-filter=d", "-z", base, head,
                   cwd=cwd, check=False)
        if diff.returncode != 0:
            raise ActionError(f"git diff failed: {diff.stderr.strip()}")
    return [name for name in diff.stdout.split("\0") if name]


def select_targets(args, event: dict, cwd: str) -> tuple[list[str], dict]:
    """The paths to give whittle (relative to the working directory), and how they were chosen."""
    given = [p for p in re.split(r"[\s,]+", args.paths or "") if p]
    if given:
        return given, {"source": "paths input"}
    event_name = os.environ.get("GITHUB_EVENT_NAME", "")
    shas = pull_request_shas(event)
    if shas is None or (event_name and event_name not in PULL_REQUEST_EVENTS):
        return ["."], {"source": "no pull request: the whole working directory"}
    base, head = shas
    top = git("rev-parse", "--show-toplevel", cwd=cwd).stdout.strip()
    changed = changed_files(base, head, top)
    here = os.path.realpath(cwd)
    targets = []
    for name in changed:
        if not is_dockerfile_path(name):
            continue
        absolute = os.path.join(top, name)
        if not os.path.isfile(absolute):
            continue  # not in this checkout (for example a file the merge commit lacks)
        relative = os.path.relpath(os.path.realpath(absolute), here)
        if relative.startswith(".." + os.sep) or relative == "..":
            continue  # outside the working directory
        targets.append(relative)
    info = {
        "source": "pull request",
        "number": event.get("number") or event.get("pull_request", {}).get("number"),
        "repository": (event.get("repository") or {}).get("full_name"),
        "base": base, "head": head, "changed": changed,
    }
    return targets, info


# --- reviewdog --------------------------------------------------------------------------------

class SourceMap:
    """A file's bytes with its line starts, for turning byte offsets into reviewdog positions:
    1-based lines split at LF, 1-based columns counted in UTF-8 bytes (reviewdog's rdjson)."""

    def __init__(self, data: bytes):
        self.data = data
        self.starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]

    def line_of(self, offset: int) -> int:
        low, high = 0, len(self.starts) - 1
        while low < high:
            mid = (low + high + 1) // 2
            if self.starts[mid] <= offset:
                low = mid
            else:
                high = mid - 1
        return low + 1

    def position(self, offset: int) -> dict:
        line = self.line_of(offset)
        return {"line": line, "column": offset - self.starts[line - 1] + 1}

    def line_end(self, line: int) -> int:
        """The offset of the line break that ends `line` (or of the end of the file)."""
        return self.starts[line] - 1 if line < len(self.starts) else len(self.data)

    def line_range(self, start: int, end: int) -> tuple[int, int]:
        """The lines a replacement of bytes start..<end touches: a range that ends just after a
        line break does not touch the next line."""
        first = self.line_of(start)
        last = self.line_of(end)
        if end > start and end == self.starts[last - 1] and last > first:
            last -= 1
        return first, last


def trim_edit(start: int, end: int, text: bytes, data: bytes) -> tuple[int, int, bytes]:
    """The same edit without the bytes it would put back unchanged at its start and end (an edit
    that rewrites the lines after an insertion with themselves becomes the insertion), cut only
    between UTF-8 characters."""
    old = data[start:end]
    head = 0
    while head < len(old) and head < len(text) and old[head] == text[head]:
        head += 1
    while head and 0x80 <= (old[head] if head < len(old) else text[head] if head < len(text) else 0) < 0xC0:
        head -= 1
    tail = 0
    while (tail < len(old) - head and tail < len(text) - head
           and old[len(old) - 1 - tail] == text[len(text) - 1 - tail]):
        tail += 1
    while tail and 0x80 <= old[len(old) - tail] < 0xC0:
        tail -= 1
    return start + head, end - tail, text[head:len(text) - tail]


def edit_groups(edits: list[tuple[int, int, bytes]], source: SourceMap) -> list[list]:
    """Merges a fix's edits into blocks of consecutive lines: each block becomes one suggestion,
    [start, end, replacement bytes], spanning from its first edit to its last with the original
    bytes between them kept."""
    groups: list[list] = []
    for start, end, text in sorted(edits):
        if groups:
            last = groups[-1]
            if source.line_range(start, end)[0] <= source.line_range(last[0], last[1])[1] + 1:
                last[2] = last[2] + source.data[last[1]:start] + text
                last[1] = end
                continue
        groups.append([start, end, text])
    return groups


def suggestion(group: list, source: SourceMap) -> dict:
    """One rdjson suggestion for a block, in the form GitHub applies as written.

    reviewdog's GitHub reporters turn a suggestion into a suggested change of whole lines
    (the start line up to the start column, the text, the end line from the end column). So a
    range that ends just after a line break is pulled back before it (when the replacement ends
    with the same break), a deletion of whole lines becomes a line-wise range (no columns), and
    an insertion after the final line break moves before it."""
    start, end, text = group
    data = source.data
    if start == end == len(data) and data.endswith(b"\n") and text.endswith(b"\n") and start > 0:
        start = end = len(data) - 1
        text = b"\n" + text[:-1]
    while (end > start and data[end - 1:end] == b"\n" and text.endswith(b"\n")
           and source.line_of(end) > source.line_of(start)):
        cut = 2 if data[end - 2:end] == b"\r\n" and text.endswith(b"\r\n") and end - 2 >= start else 1
        end -= cut
        text = text[:-cut]
    first, last = source.line_range(start, end)
    if (text == b"" and end > start and source.position(start)["column"] == 1
            and data[end - 1:end] == b"\n"):
        return {"range": {"start": {"line": first}, "end": {"line": last}}, "text": ""}
    # The lines as GitHub shows them: when the block starts or ends with lines the fix puts
    # back unchanged (a stage inserted before instructions it also moves), leave those out.
    old_lines = data[source.starts[first - 1]:source.line_end(last)].split(b"\n")
    new_lines = (data[source.starts[first - 1]:start] + text + data[end:source.line_end(last)]).split(b"\n")
    lead = 0
    while (lead < len(old_lines) - 1 and lead < len(new_lines)
           and old_lines[lead] == new_lines[lead]):
        lead += 1
    trail = 0
    while (trail < len(old_lines) - 1 - lead and trail < len(new_lines) - lead
           and old_lines[-1 - trail] == new_lines[-1 - trail]):
        trail += 1
    if lead or trail:
        first, last = first + lead, last - trail
        middle = new_lines[lead:len(new_lines) - trail]
        if not middle:
            return {"range": {"start": {"line": first}, "end": {"line": last}}, "text": ""}
        return {
            "range": {"start": {"line": first, "column": 1},
                      "end": source.position(source.line_end(last))},
            "text": b"\n".join(middle).decode("utf-8", "surrogateescape"),
        }
    return {
        "range": {"start": source.position(start), "end": source.position(end)},
        "text": text.decode("utf-8", "surrogateescape"),
    }


def flat_findings(report: dict) -> list[tuple[str, dict]]:
    return [(f["path"], finding) for f in report.get("files", []) for finding in f.get("findings", [])]


def reviewdog_ready(rdjson: dict, report: dict, unsafe_fixes: bool) -> tuple[dict, list[str]]:
    """whittle's rdjson, adjusted for reviewdog's GitHub reporters (`github-pr-review` posts each
    suggestion as a suggested change a reviewer can commit with one click):

    - positions count columns in UTF-8 bytes, as rdjson specifies (whittle counts code points);
    - a fix's edits on consecutive lines become one suggestion (reviewdog requires every
      suggestion of a comment to span the comment's lines, and two suggestions on one line
      would each undo the other): each suggestion changes only the lines the fix changes;
    - a fix whose edits are on lines far apart becomes one diagnostic per block, each saying it
      is part i of n, so the reviewer adds all parts to one batch;
    - the message says the fix's safety and title, like `--format github`; unsafe fixes carry
      no suggestion unless `unsafe_fixes` (as `whittle fix` applies them only then).

    The edits come from `whittle check --format json` of the same run (byte offsets, safety);
    its findings are in the same order as the rdjson diagnostics. Returns the new document and
    notes about what changed."""
    notes: list[str] = []
    findings = flat_findings(report)
    diagnostics = rdjson.get("diagnostics", [])
    if len(findings) != len(diagnostics) or any(
            d["location"]["path"] != path or d.get("code", {}).get("value") != f["rule"]
            for d, (path, f) in zip(diagnostics, findings)):
        notes.append("the json and rdjson reports disagree; rdjson sent as whittle wrote it")
        return rdjson, notes
    sources: dict[str, SourceMap] = {}
    out = []
    for diagnostic, (path, finding) in zip(diagnostics, findings):
        if path not in sources:
            sources[path] = SourceMap(Path(path).read_bytes())
        source = sources[path]
        d = copy.deepcopy(diagnostic)
        d["location"]["range"] = {
            "start": source.position(finding["start"]["offset"]),
            "end": source.position(finding["end"]["offset"]),
        }
        d.pop("suggestions", None)
        fix = finding.get("fix")
        if not fix:
            out.append(d)
            continue
        safety = fix["safety"]
        label = {"safe": "safe fix", "unsafe": "unsafe fix", "suggestion": "suggestion"}[safety]
        if f"fix: {fix['title']}" not in d["message"] and f"suggestion: {fix['title']}" not in d["message"]:
            d["message"] += f" ({label}: {fix['title']})"
        if safety == "suggestion" or not fix.get("edits"):
            out.append(d)
            continue
        for note in finding.get("notes", []):
            d["message"] += f"\n\nNote: {note}"
        if safety == "unsafe":
            if not unsafe_fixes:
                d["message"] += "\n\nNot suggested: unsafe fixes are offered with `unsafe-fixes: true`."
                out.append(d)
                continue
        edits = [trim_edit(e["start"]["offset"], e["end"]["offset"], e["replacement"].encode("utf-8"),
                           source.data)
                 for e in fix["edits"]]
        edits = [e for e in edits if e[0] != e[1] or e[2]]
        if not edits:
            out.append(d)
            continue
        groups = edit_groups(edits, source)
        if len(groups) != len(edits):
            notes.append(f"{path}:{d['location']['range']['start']['line']}: {finding['rule']}: "
                         f"{len(edits)} edits on consecutive lines sent as {len(groups)} suggestion(s)")
        if len(groups) == 1:
            d["suggestions"] = [suggestion(groups[0], source)]
            out.append(d)
            continue
        lines = [source.line_range(g[0], g[1]) for g in groups]
        notes.append(f"{path}: {finding['rule']}: one fix in {len(groups)} places "
                     f"(lines {', '.join(str(a) for a, _ in lines)}): one diagnostic each")
        for i, group in enumerate(groups):
            part = copy.deepcopy(d)
            others = ", ".join(str(a) for j, (a, _) in enumerate(lines) if j != i)
            where = (f"the other part is at line {others}" if len(groups) == 2
                     else f"the other parts are at lines {others}")
            part["message"] += (f"\n\nPart {i + 1} of {len(groups)} of this fix ({where}): "
                                f"add every part to one batch before committing.")
            first, last = lines[i]
            part["location"]["range"] = {
                "start": {"line": first, "column": 1},
                "end": source.position(source.line_end(last)),
            }
            part["suggestions"] = [suggestion(group, source)]
            out.append(part)
    result = dict(rdjson)
    result["diagnostics"] = out
    return result, notes


def reviewdog_command(args) -> list[str]:
    command = ["reviewdog", "-f=rdjson", "-name=whittle", f"-reporter={args.reviewdog_reporter}"]
    command += shlex.split(args.reviewdog_flags or "")
    return command


# --- running whittle --------------------------------------------------------------------------

def whittle_command(whittle: str, fmt: str, args, targets: list[str]) -> list[str]:
    command = [whittle, "check", "--format", fmt, "--fail-on", args.fail_on]
    if args.unsafe_fixes:
        command.append("--unsafe-fixes")
    return command + ["--"] + targets


def run_whittle(command: list[str]) -> tuple[int, str]:
    log("running " + shlex.join(command))
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=sys.stderr)
    return result.returncode, result.stdout.decode("utf-8", "replace")


def repository_prefix(cwd: str) -> str:
    """The working directory relative to the repository root, with a final slash ('' at the root)."""
    top = git("rev-parse", "--show-toplevel", cwd=cwd, check=False).stdout.strip()
    if not top:
        return ""
    relative = os.path.relpath(os.path.realpath(cwd), os.path.realpath(top))
    return "" if relative == "." else relative.replace(os.sep, "/") + "/"


def empty_sarif() -> dict:
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "whittle",
                                "informationUri": "https://github.com/whittle-dev/whittle",
                                "rules": []}},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    }


def rebase_sarif(sarif: dict, prefix: str) -> None:
    """Makes every artifact URI relative to the repository root, as code scanning expects, when
    whittle ran in a sub-folder."""
    if not prefix:
        return

    def visit(node):
        if isinstance(node, dict):
            location = node.get("artifactLocation")
            if isinstance(location, dict) and isinstance(location.get("uri"), str):
                uri = location["uri"]
                if not re.match(r"^[a-z]+:", uri) and not uri.startswith("/"):
                    location["uri"] = prefix + (uri[2:] if uri.startswith("./") else uri)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(sarif)


def rebase_annotations(output: str, prefix: str) -> str:
    """Makes the `file=` of each workflow command relative to the repository root, as GitHub
    expects, when whittle ran in a sub-folder."""
    if not prefix:
        return output
    escaped = (prefix.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
               .replace(":", "%3A").replace(",", "%2C"))
    return re.sub(r"^(::[a-z]+ (?:[^:]*,)?file=)(?:\./)?", lambda m: m.group(1) + escaped, output,
                  flags=re.MULTILINE)


def sarif_summary(sarif: dict) -> dict:
    results = [r for run in sarif.get("runs", []) for r in run.get("results", [])]
    by_rule: dict[str, int] = {}
    by_level: dict[str, int] = {}
    uris = []
    for r in results:
        by_rule[r.get("ruleId", "?")] = by_rule.get(r.get("ruleId", "?"), 0) + 1
        by_level[r.get("level", "warning")] = by_level.get(r.get("level", "warning"), 0) + 1
        for location in r.get("locations", []):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            if uri not in uris:
                uris.append(uri)
    return {"version": sarif.get("version"), "results": len(results), "by_rule": by_rule,
            "by_level": by_level, "files_with_results": uris,
            "fixes": sum(1 for r in results if r.get("fixes"))}


# --- outputs ----------------------------------------------------------------------------------

def set_outputs(values: dict[str, str]) -> None:
    path = os.environ.get("GITHUB_OUTPUT")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        for key, value in values.items():
            delimiter = "whittle_EOF"
            while delimiter in value:
                delimiter += "_"
            handle.write(f"{key}<<{delimiter}\n{value}\n{delimiter}\n")


def step_summary(lines: list[str]) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")


# --- main -------------------------------------------------------------------------------------

class ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # a bad input is the action's problem: exit 3, not argparse's 2
        raise ActionError(message)


def parse_args(argv: list[str]):
    env = os.environ.get
    p = ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--event", default=env("GITHUB_EVENT_PATH"),
                   help="the event payload (default: $GITHUB_EVENT_PATH)")
    p.add_argument("--paths", default=env("INPUT_PATHS", ""),
                   help="paths to check, separated by spaces, commas or newlines (default: the "
                        "Dockerfiles the pull request changes)")
    p.add_argument("--reporter", default=env("INPUT_REPORTER") or "reviewdog", choices=REPORTERS)
    p.add_argument("--fail-on", default=env("INPUT_FAIL_ON") or "fixable", choices=FAIL_LEVELS)
    p.add_argument("--unsafe-fixes", action="store_true", default=truthy(env("INPUT_UNSAFE_FIXES")))
    p.add_argument("--working-directory", default=env("INPUT_WORKING_DIRECTORY") or ".")
    p.add_argument("--version", default=env("INPUT_VERSION") or "source",
                   help="source (build this checkout), system (whittle on PATH), X.Y.Z or latest")
    p.add_argument("--sarif-file", default=env("INPUT_SARIF_FILE") or "whittle.sarif",
                   help="where the sarif reporter writes (relative to the working directory)")
    p.add_argument("--reviewdog-reporter", default=env("INPUT_REVIEWDOG_REPORTER") or "github-pr-review")
    p.add_argument("--reviewdog-flags", default=env("INPUT_REVIEWDOG_FLAGS", ""))
    p.add_argument("--dry-run", action="store_true", default=truthy(env("WHITTLE_ACTION_DRY_RUN")),
                   help="print what would be sent instead of running reviewdog")
    p.add_argument("--print-rdjson", action="store_true",
                   help="reporter reviewdog: print the rdjson document (ready for reviewdog) on "
                        "standard output instead of running reviewdog")
    p.add_argument("--defer-failure", action="store_true",
                   default=truthy(env("WHITTLE_ACTION_DEFER_FAILURE")),
                   help="exit 0 and write failed=true to $GITHUB_OUTPUT instead of failing "
                        "(the composite action fails in a later step, after uploading SARIF)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    cwd = os.path.abspath(args.working_directory)
    if not os.path.isdir(cwd):
        raise ActionError(f"working-directory {args.working_directory} is not a folder")
    os.chdir(cwd)

    event = load_event(args.event)
    targets, chosen = select_targets(args, event, cwd)
    whittle = find_whittle(args.version, args.dry_run) if targets else None
    plan: dict = {"dry_run": args.dry_run, "reporter": args.reporter, "fail_on": args.fail_on,
                  "unsafe_fixes": args.unsafe_fixes, "working_directory": cwd,
                  "targets": targets, "selection": chosen}
    if chosen.get("source") == "pull request":
        log(f"pull request #{chosen.get('number')}: {len(chosen['changed'])} changed file(s), "
            f"Dockerfiles to check: {', '.join(targets) or 'none'}")

    code = 0
    summary = [f"### whittle ({args.reporter})", ""]
    if not targets:
        log("no Dockerfile to check")
        summary.append("No changed Dockerfile to check.")
        if args.reporter == "reviewdog" and args.print_rdjson:
            sys.stdout.write(json.dumps({"source": {"name": "whittle"}, "diagnostics": []}) + "\n")
        if args.reporter == "sarif":
            sarif_path = os.path.abspath(args.sarif_file)
            Path(sarif_path).write_text(json.dumps(empty_sarif(), indent=2) + "\n", encoding="utf-8")
            plan["sarif_file"] = sarif_path
            plan["sarif"] = sarif_summary(empty_sarif())
    elif args.reporter == "reviewdog":
        command = whittle_command(whittle, "rdjson", args, targets)
        code, output = run_whittle(command)
        rdjson = json.loads(output) if output.strip() else {
            "source": {"name": "whittle"}, "diagnostics": []}
        plan["whittle_command"] = command
        # whittle's rdjson is reviewdog-ready (whole-line suggestions per block, byte columns);
        # WHITTLE_ACTION_REBUILD_RDJSON=1 rebuilds it from the JSON report instead, for older
        # whittle versions whose rdjson had one suggestion per edit.
        if truthy(os.environ.get("WHITTLE_ACTION_REBUILD_RDJSON")):
            json_code, json_output = run_whittle(whittle_command(whittle, "json", args, targets))
            report = json.loads(json_output) if json_output.strip() else {"files": []}
            rdjson, notes = reviewdog_ready(rdjson, report, args.unsafe_fixes)
            for note in notes:
                log("rdjson: " + note)
            plan["rdjson_notes"] = notes
        reviewdog = reviewdog_command(args)
        document = json.dumps(rdjson, indent=2, ensure_ascii=False) + "\n"
        plan["reviewdog_command"] = reviewdog
        plan["rdjson"] = rdjson
        summary.append(f"{len(rdjson.get('diagnostics', []))} finding(s) in {len(targets)} file(s), "
                       f"sent to reviewdog ({args.reviewdog_reporter}).")
        if args.print_rdjson:
            sys.stdout.write(document)
        elif args.dry_run:
            log("dry run: would pipe the rdjson document to: " + shlex.join(reviewdog))
        elif not rdjson.get("diagnostics"):
            log("nothing to report; reviewdog not run")
        else:
            if not shutil.which(reviewdog[0]):
                raise ActionError("reviewdog is not on PATH (the action installs it with "
                                  "reviewdog/action-setup)")
            log("running " + shlex.join(reviewdog))
            result = subprocess.run(reviewdog, input=document.encode("utf-8"))
            if result.returncode != 0:
                raise ActionError(f"reviewdog failed (exit {result.returncode})")
    elif args.reporter == "sarif":
        command = whittle_command(whittle, "sarif", args, targets)
        code, output = run_whittle(command)
        sarif = json.loads(output) if output.strip() else empty_sarif()
        rebase_sarif(sarif, repository_prefix(cwd))
        sarif_path = os.path.abspath(args.sarif_file)
        Path(sarif_path).write_text(json.dumps(sarif, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        plan.update(whittle_command=command, sarif_file=sarif_path, sarif=sarif_summary(sarif))
        log(f"wrote {sarif_path}: {plan['sarif']['results']} result(s)")
        summary.append(f"{plan['sarif']['results']} result(s) in `{args.sarif_file}`.")
    else:  # github
        command = whittle_command(whittle, "github", args, targets)
        plan["whittle_command"] = command
        code, output = run_whittle(command)
        output = rebase_annotations(output, repository_prefix(cwd))
        plan["annotations"] = output.splitlines()
        if not args.dry_run:
            sys.stdout.write(output)
            sys.stdout.flush()
        summary.append(f"{len(plan['annotations'])} annotation(s).")

    if code == 64:
        raise ActionError("whittle rejected the command line (exit 64); check the action's inputs")
    failed = code != 0 and args.fail_on != "never"
    if code not in (0, 1, 2):
        raise ActionError(f"whittle exited with {code}")
    plan["whittle_exit"] = code
    plan["exit"] = code if failed else 0
    if failed:
        reason = ("findings reached fail-on: " + args.fail_on) if code == 1 else \
            "a Dockerfile could not be read or parsed"
        log(f"failing: {reason}")
        summary.append(f"Failed: {reason}.")
    set_outputs({
        "files": "\n".join(targets),
        "sarif-file": plan.get("sarif_file", ""),
        "exit-code": str(plan["exit"]),
        "failed": "true" if failed else "false",
    })
    step_summary(summary)
    if args.dry_run and not args.print_rdjson:
        sys.stdout.write(json.dumps(plan, indent=2, ensure_ascii=False) + "\n")
    if args.defer_failure:
        return 0
    return plan["exit"]


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ActionError as error:
        if truthy(os.environ.get("GITHUB_ACTIONS")):
            print(f"::error title=whittle::{error}", flush=True)
        print(f"whittle-action: error: {error}", file=sys.stderr)
        sys.exit(3)
