"""Tests for the GitHub Action's script (run.py), offline.

    python3 -m unittest discover -s integrations/github-action

Each test builds nothing: it needs a whittle binary, from $WHITTLE_BIN or the repository's
`.build-integrations` / `.build` release folders (`swift build -c release --scratch-path
.build-integrations`), and skips with a message when there is none.

The scratch repository (made once per run) has a base commit, a pull request branch whose one
commit changes two Dockerfiles (services/api/Dockerfile gains findings, worker/Containerfile
stays clean), deletes one, and edits the README, and a later commit on main that changes another
Dockerfile (left out by `git diff BASE...HEAD`). The event payload is
testdata/pull_request.json with its placeholder SHAs rewritten.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCRIPT = HERE / "run.py"
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ next to the action

import run  # noqa: E402  (the module under test)


def find_whittle() -> str | None:
    explicit = os.environ.get("WHITTLE_BIN")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for scratch in (".build-integrations", ".build"):
        for candidate in sorted((REPO / scratch).glob("*/release/whittle")) + [REPO / scratch / "release" / "whittle"]:
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return None


WHITTLE = find_whittle()
NEEDS_WHITTLE = unittest.skipUnless(
    WHITTLE,
    "no whittle binary: build it with `swift build -c release --scratch-path .build-integrations` "
    "or set WHITTLE_BIN=/path/to/whittle")

API_BEFORE = """\
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["python", "-m", "app"]
"""

# Findings (with the passes whittle.toml selects): a cleanup on line 7 that belongs in line 3's
# RUN (one fix in two places), pip's cache on a line with non-ASCII text before the edit (byte
# columns), three RUNs to merge (edits on consecutive lines), and an ENTRYPOINT whose exec-form
# fix is unsafe.
API_AFTER = """\
FROM python:3.12-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl
COPY requirements.txt .
RUN echo "café ☕" && pip install -r requirements.txt
COPY . .
RUN rm -rf /var/lib/apt/lists/*
WORKDIR /srv
RUN useradd --create-home app
RUN mkdir -p /srv/data
RUN chown app /srv/data
USER app
ENTRYPOINT python -m app --port 8000
"""

WORKER_BEFORE = """\
FROM alpine:3.20
COPY worker /usr/local/bin/worker
ENTRYPOINT ["/usr/local/bin/worker"]
"""

WORKER_AFTER = """\
FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY worker /usr/local/bin/worker
USER nobody
ENTRYPOINT ["/usr/local/bin/worker"]
"""

# Unchanged by the pull request, with findings: must not be checked.
LEGACY = """\
FROM ubuntu:22.04
RUN apt-get update
RUN apt-get install -y curl
CMD echo hello
"""

OPS_BEFORE = "FROM alpine:3.20\nCMD [\"sh\"]\n"
OPS_ON_MAIN = "FROM alpine:3.20\nRUN apk update\nRUN apk add curl\nCMD sh\n"

# What a reviewer sees: each suggestion as GitHub shows it (the lines it replaces, and the new
# lines), in diagnostic order, without and with unsafe fixes.
EXPECTED_SUGGESTIONS = [
    ("clean-package-cache", (3, 3),
     ["RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*"]),
    ("clean-package-cache", (7, 7), []),
    ("clean-package-cache", (5, 5),
     ['RUN echo "café ☕" && pip install --no-cache-dir -r requirements.txt']),
    ("merge-runs", (9, 11),
     ["RUN useradd --create-home app && \\", "    mkdir -p /srv/data && \\", "    chown app /srv/data"]),
]
EXPECTED_UNSAFE_SUGGESTION = (
    "exec-form", (13, 13), ['ENTRYPOINT ["python", "-m", "app", "--port", "8000"]'])

SEVERITIES = {"ERROR", "WARNING", "INFO", "UNKNOWN_SEVERITY"}


def validate_rdjson(doc: dict) -> None:
    """Checks a document against reviewdog's rdjson (DiagnosticResult in
    reviewdog/proto/rdf/reviewdog.proto): the fields reviewdog reads, with their types."""

    def position(p, where):
        assert isinstance(p, dict), f"{where}: not an object"
        assert isinstance(p.get("line"), int) and p["line"] >= 1, f"{where}.line: {p.get('line')!r}"
        if "column" in p:
            assert isinstance(p["column"], int) and p["column"] >= 1, f"{where}.column: {p['column']!r}"

    def range_(r, where):
        assert isinstance(r, dict) and "start" in r, f"{where}: no start"
        position(r["start"], where + ".start")
        if "end" in r:
            position(r["end"], where + ".end")
            assert (r["end"]["line"], r["end"].get("column", 0)) >= (
                r["start"]["line"], r["start"].get("column", 0)), f"{where}: ends before it starts"

    assert isinstance(doc, dict), "not an object"
    assert isinstance(doc.get("source"), dict) and isinstance(doc["source"].get("name"), str) \
        and doc["source"]["name"], "source.name"
    if "severity" in doc:
        assert doc["severity"] in SEVERITIES, f"severity {doc['severity']!r}"
    assert isinstance(doc.get("diagnostics"), list), "diagnostics"
    for i, d in enumerate(doc["diagnostics"]):
        where = f"diagnostics[{i}]"
        assert isinstance(d.get("message"), str) and d["message"], f"{where}.message"
        location = d.get("location")
        assert isinstance(location, dict) and isinstance(location.get("path"), str) \
            and location["path"], f"{where}.location.path"
        range_(location.get("range"), f"{where}.location.range")
        if "severity" in d:
            assert d["severity"] in SEVERITIES, f"{where}.severity {d['severity']!r}"
        if "code" in d:
            assert isinstance(d["code"].get("value"), str) and d["code"]["value"], f"{where}.code.value"
        for j, s in enumerate(d.get("suggestions", [])):
            range_(s.get("range"), f"{where}.suggestions[{j}].range")
            assert isinstance(s.get("text"), str), f"{where}.suggestions[{j}].text"
        unknown = set(d) - {"message", "location", "severity", "source", "code", "suggestions",
                            "original_output", "related_locations"}
        assert not unknown, f"{where}: unknown fields {unknown}"


def render(lines: list[str], s: dict) -> tuple[tuple[int, int], list[str]]:
    """A suggestion as reviewdog's GitHub reporters post it: the lines start..end are replaced
    by (start line up to start column) + text + (end line from end column), columns in UTF-8
    bytes; without columns, by the text itself."""
    r = s["range"]
    first, last = r["start"]["line"], r.get("end", r["start"])["line"]
    if "column" not in r["start"] and "column" not in r.get("end", {}):
        return (first, last), (s["text"].split("\n") if s["text"] else [])
    head = lines[first - 1].encode()[: r["start"]["column"] - 1]
    tail = lines[last - 1].encode()[r["end"]["column"] - 1:]
    return (first, last), (head + s["text"].encode() + tail).decode().split("\n")


def apply_all(text: str, suggestions: list[dict]) -> str:
    """Commits every suggestion as one batch (they must not share lines)."""
    lines = text.split("\n")
    rendered = sorted((render(lines, s) for s in suggestions), reverse=True)
    for ((first, last), new), ((first2, _), _) in zip(rendered[1:], rendered):
        assert last < first2, "suggestions share lines"
    for (first, last), new in rendered:
        lines[first - 1:last] = new
    return "\n".join(lines)


class NameRules(unittest.TestCase):
    def test_dockerfile_names(self):
        yes = ["Dockerfile", "dockerfile", "api.Dockerfile", "Dockerfile.dev", "Containerfile",
               "worker.containerfile", "Containerfile.arm64", "a/b/DOCKERFILE", ".dockerfile"]
        no = ["Dockerfiles", "MyDockerfile", "Dockerfile_old", "README.md", "docs/Dockerfiles.md",
              "node_modules/x/Dockerfile", ".build/Dockerfile"]
        for name in yes:
            self.assertTrue(run.is_dockerfile_path(name), name)
        for name in no:
            self.assertFalse(run.is_dockerfile_path(name), name)

    def test_pre_commit_files_pattern_is_the_same_rule(self):
        import re
        manifest = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
        patterns = re.findall(r"^  files: '(.*)'$", manifest, flags=re.MULTILINE)
        self.assertEqual(len(patterns), 2)
        names = ["Dockerfile", "api.Dockerfile", "Dockerfile.dev", "CONTAINERFILE", "x.containerfile",
                 "Containerfile.arm64", ".dockerfile", "Dockerfile.", "Dockerfiles", "MyDockerfile",
                 "Dockerfile_old", "README.md", "Dockerfile.d/README", "a.b.Dockerfile"]
        for pattern in patterns:
            compiled = re.compile(pattern)
            for name in names:
                for path in (name, "services/api/" + name):
                    self.assertEqual(bool(compiled.search(path)), run.is_dockerfile_name(path.split("/")[-1]), path)


@NEEDS_WHITTLE
class ActionScript(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="whittle-action-test-")
        cls.repo = os.path.join(cls.tmp, "repo")
        os.makedirs(cls.repo)
        cls.git_env = dict(
            os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
            GIT_AUTHOR_NAME="Octo Cat", GIT_AUTHOR_EMAIL="octocat@example.com",
            GIT_COMMITTER_NAME="Octo Cat", GIT_COMMITTER_EMAIL="octocat@example.com")
        cls.git("init", "-q", "-b", "main")
        cls.write({
            "README.md": "# shop\n",
            "whittle.toml": 'select = ["merge-runs", "clean-package-cache", "exec-form"]\n',
            "services/api/Dockerfile": API_BEFORE,
            "worker/Containerfile": WORKER_BEFORE,
            "legacy/Dockerfile": LEGACY,
            "gone.Dockerfile": "FROM alpine\nRUN apk update\nRUN apk add curl\n",
            "ops/Dockerfile": OPS_BEFORE,
        })
        cls.git("add", "-A")
        cls.git("commit", "-q", "-m", "base")
        cls.fork = cls.git("rev-parse", "HEAD")
        # The pull request's branch.
        cls.git("checkout", "-q", "-b", "api-curl")
        cls.write({
            "services/api/Dockerfile": API_AFTER,
            "worker/Containerfile": WORKER_AFTER,
            "README.md": "# shop\n\nThe API now has curl.\n",
            "docs/Dockerfiles.md": "Not a Dockerfile.\n",
        })
        os.remove(os.path.join(cls.repo, "gone.Dockerfile"))
        cls.git("add", "-A")
        cls.git("commit", "-q", "-m", "api: install curl, add the worker image")
        cls.head = cls.git("rev-parse", "HEAD")
        # A README-only pull request.
        cls.git("checkout", "-q", "-b", "docs-only", cls.fork)
        cls.write({"README.md": "# shop\n\nDocs.\n"})
        cls.git("commit", "-q", "-am", "docs")
        cls.docs_head = cls.git("rev-parse", "HEAD")
        # main moves on after the fork: BASE...HEAD must leave this change out.
        cls.git("checkout", "-q", "main")
        cls.write({"ops/Dockerfile": OPS_ON_MAIN})
        cls.git("commit", "-q", "-am", "ops: curl")
        cls.base = cls.git("rev-parse", "HEAD")
        cls.git("checkout", "-q", "--detach", cls.head)

        template = (HERE / "testdata" / "pull_request.json").read_text(encoding="utf-8")
        cls.event = os.path.join(cls.tmp, "event.json")
        Path(cls.event).write_text(
            template.replace("__BASE_SHA__", cls.base).replace("__HEAD_SHA__", cls.head),
            encoding="utf-8")
        cls.docs_event = os.path.join(cls.tmp, "docs-event.json")
        Path(cls.docs_event).write_text(
            template.replace("__BASE_SHA__", cls.base).replace("__HEAD_SHA__", cls.docs_head),
            encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def git(cls, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=cls.repo, env=cls.git_env, check=True,
                              text=True, stdout=subprocess.PIPE).stdout.strip()

    @classmethod
    def write(cls, files: dict[str, str]) -> None:
        for name, text in files.items():
            path = os.path.join(cls.repo, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            Path(path).write_text(text, encoding="utf-8")

    def action(self, *args: str, event: str | None = None, env: dict | None = None,
               cwd: str | None = None, dry_run_flag: bool = True):
        """Runs run.py; returns (exit status, the dry-run plan or None, stdout, stderr)."""
        full_env = {k: v for k, v in self.git_env.items()
                    if not k.startswith(("GITHUB_", "INPUT_", "WHITTLE_", "RUNNER_"))}
        full_env.update(WHITTLE_BIN=WHITTLE, GITHUB_EVENT_PATH=event or self.event,
                        GITHUB_EVENT_NAME="pull_request")
        full_env.update(env or {})
        command = [sys.executable, str(SCRIPT)] + (["--dry-run"] if dry_run_flag else []) + list(args)
        result = subprocess.run(command, cwd=cwd or self.repo, env=full_env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        plan = None
        if result.stdout.startswith("{"):
            plan = json.loads(result.stdout)
        return result.returncode, plan, result.stdout, result.stderr

    def whittle_fix_stdout(self, path: str, *flags: str) -> str:
        return subprocess.run([WHITTLE, "fix", "--stdout", *flags, path], cwd=self.repo, check=True,
                              text=True, stdout=subprocess.PIPE).stdout

    def rendered(self, rdjson: dict) -> list:
        text = Path(self.repo, "services/api/Dockerfile").read_text(encoding="utf-8")
        out = []
        for d in rdjson["diagnostics"]:
            self.assertEqual(len(d.get("suggestions", [])) <= 1, True, d)
            for s in d.get("suggestions", []):
                lines, new = render(text.split("\n"), s)
                out.append((d["code"]["value"], lines, new))
        return out

    # --- reviewdog ---

    def test_reviewdog_dry_run(self):
        code, plan, _, err = self.action("--reporter", "reviewdog")
        self.assertEqual(code, 1, err)  # fail-on fixable: a fix is pending
        self.assertEqual(plan["targets"], ["services/api/Dockerfile", "worker/Containerfile"])
        self.assertEqual(plan["selection"]["number"], 42)
        self.assertEqual(plan["selection"]["repository"], "acme/shop")
        self.assertEqual(sorted(plan["selection"]["changed"]), [
            "README.md", "docs/Dockerfiles.md", "services/api/Dockerfile", "worker/Containerfile"])
        self.assertEqual(plan["whittle_command"][1:], [
            "check", "--format", "rdjson", "--fail-on", "fixable", "--",
            "services/api/Dockerfile", "worker/Containerfile"])
        self.assertEqual(plan["reviewdog_command"],
                         ["reviewdog", "-f=rdjson", "-name=whittle", "-reporter=github-pr-review"])
        rdjson = plan["rdjson"]
        validate_rdjson(rdjson)
        self.assertEqual({d["location"]["path"] for d in rdjson["diagnostics"]},
                         {"services/api/Dockerfile"})
        self.assertEqual(self.rendered(rdjson), EXPECTED_SUGGESTIONS)
        # The pip suggestion replaces its whole line; columns count bytes ("é" is 2, "☕" 3).
        pip = rdjson["diagnostics"][2]
        line5 = Path(self.repo, "services/api/Dockerfile").read_text(encoding="utf-8").split("\n")[4]
        self.assertEqual(pip["suggestions"][0]["range"], {
            "start": {"line": 5, "column": 1},
            "end": {"line": 5, "column": len(line5.encode("utf-8")) + 1}})
        self.assertIn(" --no-cache-dir", pip["suggestions"][0]["text"])
        self.assertIn("(safe fix: Add --no-cache-dir)", pip["message"])
        # One fix in two places: two diagnostics, each saying so.
        self.assertIn("[part 1 of 2: accept every part together]", rdjson["diagnostics"][0]["message"])
        self.assertIn("[part 2 of 2: accept every part together]", rdjson["diagnostics"][1]["message"])
        # The unsafe exec-form fix is reported, without a suggestion.
        entrypoint = rdjson["diagnostics"][-1]
        self.assertEqual(entrypoint["code"]["value"], "exec-form")
        self.assertNotIn("suggestions", entrypoint)
        self.assertIn("unsafe fix: Use exec form", entrypoint["message"])
        self.assertIn("use --unsafe-fixes", entrypoint["message"])
        # Committing every suggestion gives what `whittle fix` writes (the unsafe fix aside).
        original = Path(self.repo, "services/api/Dockerfile").read_text(encoding="utf-8")
        suggestions = [s for d in rdjson["diagnostics"] for s in d.get("suggestions", [])]
        self.assertEqual(apply_all(original, suggestions),
                         self.whittle_fix_stdout("services/api/Dockerfile"))
        # Nothing was written.
        self.assertEqual(original, API_AFTER)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_reviewdog_unsafe_fixes(self):
        code, plan, _, err = self.action("--reporter", "reviewdog", "--unsafe-fixes")
        self.assertEqual(code, 1, err)
        self.assertIn("--unsafe-fixes", plan["whittle_command"])
        validate_rdjson(plan["rdjson"])
        self.assertEqual(self.rendered(plan["rdjson"]),
                         EXPECTED_SUGGESTIONS + [EXPECTED_UNSAFE_SUGGESTION])
        original = Path(self.repo, "services/api/Dockerfile").read_text(encoding="utf-8")
        suggestions = [s for d in plan["rdjson"]["diagnostics"] for s in d.get("suggestions", [])]
        self.assertEqual(apply_all(original, suggestions),
                         self.whittle_fix_stdout("services/api/Dockerfile", "--unsafe-fixes"))

    def test_whittle_rdjson_is_sent_as_is(self):
        """whittle's rdjson is reviewdog-ready: the action sends exactly what whittle prints."""
        code, plan, _, err = self.action("--reporter", "reviewdog")
        self.assertEqual(code, 1, err)
        validate_rdjson(plan["rdjson"])
        printed = subprocess.run(plan["whittle_command"], cwd=self.repo, text=True,
                                 stdout=subprocess.PIPE).stdout
        self.assertEqual(plan["rdjson"], json.loads(printed))

    def test_print_rdjson(self):
        code, _, out, err = self.action("--reporter", "reviewdog", "--print-rdjson",
                                        dry_run_flag=False, env={"PATH": "/usr/bin:/bin"})
        self.assertEqual(code, 1, err)
        _, plan, _, _ = self.action("--reporter", "reviewdog")
        self.assertEqual(json.loads(out), plan["rdjson"])

    def test_dry_run_from_environment(self):
        code, plan, _, err = self.action("--reporter", "reviewdog", dry_run_flag=False,
                                         env={"WHITTLE_ACTION_DRY_RUN": "1", "PATH": "/usr/bin:/bin"})
        self.assertEqual(code, 1, err)
        self.assertTrue(plan["dry_run"])
        self.assertIn("would pipe the rdjson document to: reviewdog -f=rdjson", err)

    def test_reviewdog_receives_the_document(self):
        """Without --dry-run: a stand-in reviewdog on PATH gets the same document and flags."""
        bindir = os.path.join(self.tmp, "fake-bin")
        os.makedirs(bindir, exist_ok=True)
        fake = os.path.join(bindir, "reviewdog")
        Path(fake).write_text(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_OUT.args\"\ncat > \"$FAKE_OUT.stdin\"\n")
        os.chmod(fake, os.stat(fake).st_mode | stat.S_IEXEC)
        out = os.path.join(self.tmp, "reviewdog-call")
        code, _, _, err = self.action(
            "--reporter", "reviewdog", "--reviewdog-flags", "-filter-mode=added -level=warning",
            dry_run_flag=False,
            env={"PATH": bindir + os.pathsep + os.environ["PATH"], "FAKE_OUT": out})
        self.assertEqual(code, 1, err)
        self.assertEqual(Path(out + ".args").read_text().split(), [
            "-f=rdjson", "-name=whittle", "-reporter=github-pr-review", "-filter-mode=added",
            "-level=warning"])
        sent = json.loads(Path(out + ".stdin").read_text(encoding="utf-8"))
        _, plan, _, _ = self.action("--reporter", "reviewdog")
        self.assertEqual(sent, plan["rdjson"])

    # --- SARIF ---

    def test_sarif(self):
        outputs = os.path.join(self.tmp, "github-output")
        Path(outputs).write_text("")
        code, plan, _, err = self.action("--reporter", "sarif", env={"GITHUB_OUTPUT": outputs})
        try:
            self.assertEqual(code, 1, err)
            sarif_path = os.path.join(self.repo, "whittle.sarif")
            self.assertEqual(plan["sarif_file"], sarif_path)
            sarif = json.loads(Path(sarif_path).read_text(encoding="utf-8"))
            self.assertEqual(sarif["version"], "2.1.0")
            self.assertEqual(sarif["runs"][0]["tool"]["driver"]["name"], "whittle")
            uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                    for r in sarif["runs"][0]["results"] for loc in r["locations"]}
            self.assertEqual(uris, {"services/api/Dockerfile"})
            self.assertEqual(plan["sarif"]["version"], "2.1.0")
            self.assertEqual(plan["sarif"]["results"], len(sarif["runs"][0]["results"]))
            self.assertEqual(plan["sarif"]["by_rule"],
                             {"clean-package-cache": 2, "merge-runs": 1, "exec-form": 1})
            written = Path(outputs).read_text()
            self.assertIn(f"sarif-file<<whittle_EOF\n{sarif_path}\nwhittle_EOF\n", written)
            self.assertIn("failed<<whittle_EOF\ntrue\nwhittle_EOF\n", written)
            self.assertIn("files<<whittle_EOF\nservices/api/Dockerfile\nworker/Containerfile\n", written)
        finally:
            for name in ("whittle.sarif",):
                Path(self.repo, name).unlink(missing_ok=True)

    def test_sarif_in_a_working_directory(self):
        """Run in services/: only its changed Dockerfiles, SARIF paths from the repository root."""
        sarif_path = os.path.join(self.tmp, "services.sarif")
        code, plan, _, err = self.action("--reporter", "sarif", "--working-directory", "services",
                                         "--sarif-file", sarif_path, "--fail-on", "never")
        self.assertEqual(code, 0, err)
        self.assertEqual(plan["targets"], ["api/Dockerfile"])
        sarif = json.loads(Path(sarif_path).read_text(encoding="utf-8"))
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for r in sarif["runs"][0]["results"] for loc in r["locations"]}
        self.assertEqual(uris, {"services/api/Dockerfile"})
        for r in sarif["runs"][0]["results"]:
            for fix in r.get("fixes", []):
                for change in fix["artifactChanges"]:
                    self.assertEqual(change["artifactLocation"]["uri"], "services/api/Dockerfile")

    # --- exit status ---

    def test_exit_status_follows_fail_on(self):
        cases = [("fixable", 1), ("info", 1), ("warning", 1), ("error", 0), ("never", 0)]
        for level, expected in cases:
            with self.subTest(fail_on=level):
                code, plan, _, err = self.action("--reporter", "github", "--fail-on", level)
                self.assertEqual(code, expected, err)
                self.assertEqual(plan["exit"], expected)
                self.assertIn("--fail-on", plan["whittle_command"])
                self.assertEqual(plan["whittle_command"][plan["whittle_command"].index("--fail-on") + 1],
                                 level)

    def test_defer_failure(self):
        outputs = os.path.join(self.tmp, "deferred-output")
        Path(outputs).write_text("")
        code, plan, _, err = self.action("--reporter", "github", "--defer-failure",
                                         env={"GITHUB_OUTPUT": outputs})
        self.assertEqual(code, 0, err)
        self.assertEqual(plan["exit"], 1)
        self.assertIn("failed<<whittle_EOF\ntrue\nwhittle_EOF\n", Path(outputs).read_text())

    def test_clean_file_passes(self):
        code, plan, _, err = self.action("--reporter", "github", "--paths", "worker/Containerfile")
        self.assertEqual(code, 0, err)
        self.assertEqual(plan["targets"], ["worker/Containerfile"])
        self.assertEqual(plan["annotations"], [])

    def test_unreadable_dockerfile_fails_unless_never(self):
        broken = os.path.join(self.tmp, "broken")
        os.makedirs(broken, exist_ok=True)
        Path(broken, "Dockerfile").write_text("FROM alpine\nRUN <<EOF\necho unterminated\n")
        code, plan, _, err = self.action("--reporter", "github", "--paths", "Dockerfile", cwd=broken,
                                         env={"GITHUB_EVENT_NAME": "push"})
        self.assertEqual((code, plan["whittle_exit"]), (2, 2), err)
        code, plan, _, err = self.action("--reporter", "github", "--paths", "Dockerfile",
                                         "--fail-on", "never", cwd=broken)
        self.assertEqual((code, plan["whittle_exit"]), (0, 2), err)

    # --- other events and reporters ---

    def test_github_annotations(self):
        code, plan, _, err = self.action("--reporter", "github")
        self.assertEqual(code, 1, err)
        self.assertTrue(plan["annotations"])
        for line in plan["annotations"]:
            self.assertTrue(line.startswith("::warning file=services/api/Dockerfile,")
                            or line.startswith("::notice file=services/api/Dockerfile,"), line)

    def test_github_annotations_in_a_working_directory(self):
        code, plan, _, err = self.action("--reporter", "github", "--working-directory", "services")
        self.assertEqual(code, 1, err)
        self.assertEqual(plan["targets"], ["api/Dockerfile"])
        self.assertTrue(plan["annotations"])
        for line in plan["annotations"]:
            self.assertIn(" file=services/api/Dockerfile,", line)

    def test_download_release(self):
        """version: X.Y.Z downloads the release asset (here from a file:// mirror), checks its
        .sha256 and unpacks it into the tool cache; a wrong checksum is an error."""
        import hashlib
        import tarfile
        mirror = os.path.join(self.tmp, "releases")
        os.environ.pop("WHITTLE_RELEASES_URL", None)
        asset = run.release_asset()
        folder = os.path.join(mirror, "download", "v9.9.9")
        os.makedirs(folder, exist_ok=True)
        archive = os.path.join(folder, asset)
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(WHITTLE, arcname="whittle")
        digest = hashlib.sha256(Path(archive).read_bytes()).hexdigest()
        Path(archive + ".sha256").write_text(f"{digest}  {asset}\n")
        cache = os.path.join(self.tmp, "tool-cache")
        env = {"WHITTLE_BIN": "", "WHITTLE_RELEASES_URL": "file://" + mirror,
               "RUNNER_TOOL_CACHE": cache}
        code, plan, _, err = self.action("--reporter", "github", "--version", "9.9.9",
                                         "--paths", "worker/Containerfile", env=env)
        self.assertEqual(code, 0, err)
        self.assertEqual(plan["whittle_command"][0], os.path.join(cache, "whittle", "9.9.9", "whittle"))
        self.assertIn(f"downloading file://{mirror}/download/v9.9.9/{asset}", err)
        shutil.rmtree(cache)
        Path(archive + ".sha256").write_text("0" * 64 + "\n")
        code, _, _, err = self.action("--reporter", "github", "--version", "9.9.9",
                                      "--paths", "worker/Containerfile", env=env)
        self.assertEqual(code, 3, err)
        self.assertIn("checksum mismatch", err)

    def test_no_changed_dockerfile(self):
        code, plan, _, err = self.action("--reporter", "reviewdog", event=self.docs_event)
        self.assertEqual(code, 0, err)
        self.assertEqual(plan["targets"], [])
        self.assertEqual(plan["selection"]["changed"], ["README.md"])
        sarif_path = os.path.join(self.tmp, "empty.sarif")
        code, plan, _, err = self.action("--reporter", "sarif", "--sarif-file", sarif_path,
                                         event=self.docs_event)
        self.assertEqual(code, 0, err)
        sarif = json.loads(Path(sarif_path).read_text(encoding="utf-8"))
        self.assertEqual((sarif["version"], sarif["runs"][0]["results"]), ("2.1.0", []))

    def test_not_a_pull_request_checks_everything(self):
        push = os.path.join(self.tmp, "push.json")
        Path(push).write_text(json.dumps({"ref": "refs/heads/main", "after": self.head}))
        code, plan, _, err = self.action("--reporter", "github", "--fail-on", "never", event=push,
                                         env={"GITHUB_EVENT_NAME": "push"})
        self.assertEqual(code, 0, err)
        self.assertEqual(plan["targets"], ["."])
        files = {line.split("file=")[1].split(",")[0] for line in plan["annotations"]}
        self.assertIn("legacy/Dockerfile", files)


if __name__ == "__main__":
    unittest.main()
