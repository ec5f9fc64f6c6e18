#!/usr/bin/env python3
"""whittle's benchmark suite: real builds of small apps before and after `whittle fix`.

For every app in Benchmarks/apps/<app>/ (a legacy single-stage Dockerfile, its sources and an
app.json with the smoke test), the suite

  1. copies the app to a temporary folder and runs `whittle check --format json` (which passes
     would change the file) and `whittle fix --unsafe-fixes --no-config` on the copy's Dockerfile
     (the build context is the copy);
  2. maps the FROM lines of both files to the local stand-in base images (see STAND_INS below and
     Benchmarks/base-images/README.md): builds never pull;
  3. builds the original, then the rewritten file with buildah, cold (--no-cache, --layers), and
     measures success, build time, final image size and layer count;
  4. runs the smoke test in a container of the image (buildah from + buildah run --isolation
     chroot, the argv run directly, no shell) and looks for the expected output;
  5. appends a comment to the app's main source file and rebuilds with the layer cache (the "edit
     one file, rebuild" loop), --rebuilds times (default 3), and reports the median; then removes
     that variant's images before the next build (buildah would otherwise reuse the first cached
     image it finds for an identical step, even another build's, and miss the cache after it);
  6. prints a table per app and the medians, writes everything as JSON (--json), and removes the
     images it built (tags and the intermediate layer images of its builds).

Image size: the sum of the layer sizes in the image's manifest (`buildah inspect --type image`,
Docker format: each layer is an uncompressed tar, so this is the uncompressed image size, the
figure `buildah images` rounds).

Usage:
  Benchmarks/run-suite.py [--apps a,b] [--json OUT] [--whittle PATH] [--keep-images] [--keep-temp]
  Benchmarks/run-suite.py --list-bases [--apps a,b]    # the local base images the apps need

Exit status: 0 when every rewritten file builds and every smoke test of a rewritten image passes,
1 otherwise (or when an original fails, which is a problem of the suite), 2 on a setup error.
Python 3 standard library only; run as root (buildah's store is /var/lib/whittle-buildah).
"""

import argparse
import datetime
import difflib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
APPS_DIR = os.path.join(HERE, "apps")
ENV_SCRIPT = os.path.join(HERE, "base-images", "buildah-env.sh")
LOCAL_PREFIX = "localhost/whittle-base/"
BENCH_PREFIX = "localhost/whittle-bench/"

# Official image name -> (local stand-in built by Benchmarks/base-images/build.sh, note).
# A note marks an approximation: there is no stand-in for that image, the closest one is used.
STAND_INS = {
    "debian:bookworm": ("debian:bookworm", ""),
    "debian:12": ("debian:bookworm", ""),
    "debian:bookworm-slim": ("debian:bookworm-slim", ""),
    "debian:12-slim": ("debian:bookworm-slim", ""),
    "python:3.11": ("python:3.11", ""),
    "python:3.11-bookworm": ("python:3.11", ""),
    "python:3.11-slim": ("python:3.11-slim", ""),
    "python:3.11-slim-bookworm": ("python:3.11-slim", ""),
    "golang:1.19": ("golang:1.19", ""),
    "golang:1.19-bookworm": ("golang:1.19", ""),
    "gcc:12": ("gcc:12", ""),
    "gcc:12-bookworm": ("gcc:12", ""),
    "buildpack-deps:bookworm": ("gcc:12", "approximation: gcc:12 holds the buildpack-deps subset"),
    "gcr.io/distroless/static-debian12": ("debian:bookworm-slim", "approximation: no distroless stand-in; bookworm-slim has a shell and more files"),
    "gcr.io/distroless/base-debian12": ("debian:bookworm-slim", "approximation: no distroless stand-in; bookworm-slim has a shell and more files"),
    "gcr.io/distroless/cc-debian12": ("debian:bookworm-slim", "approximation: no distroless stand-in; bookworm-slim has libgcc/libstdc++, a shell and more files"),
    "gcr.io/distroless/python3-debian12": ("python:3.11-slim", "approximation: no distroless stand-in; python:3.11-slim has pip, a shell and more files"),
}


def normalize(image):
    """docker.io/library/python:3.11 -> python:3.11; distroless :nonroot/:latest/:debug tags dropped."""
    name = image.split("@", 1)[0]
    for prefix in ("docker.io/library/", "index.docker.io/library/", "docker.io/", "library/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    if name.startswith("gcr.io/distroless/") and ":" in name.rsplit("/", 1)[-1]:
        name = name.rsplit(":", 1)[0]
    return name


FROM_RE = re.compile(r"^(\s*FROM\s+)((?:--\S+\s+)*)(\S+)(.*)$", re.IGNORECASE)
COPY_FROM_RE = re.compile(r"(--from=)(\S+)", re.IGNORECASE)
STAGE_RE = re.compile(r"\s+AS\s+(\S+)", re.IGNORECASE)


def map_dockerfile(text):
    """Returns (mapped text, [(official, local, note)], [unmapped names])."""
    stages = set()
    mapped, unmapped, out = [], [], []

    def substitute(name):
        if name.lower() in stages or name == "scratch" or "$" in name or name.isdigit():
            return name
        key = normalize(name)
        if key in STAND_INS:
            local, note = STAND_INS[key]
            if (name, LOCAL_PREFIX + local, note) not in mapped:
                mapped.append((name, LOCAL_PREFIX + local, note))
            return LOCAL_PREFIX + local
        if name.startswith(LOCAL_PREFIX):
            return name
        if name not in unmapped:
            unmapped.append(name)
        return name

    for line in text.splitlines(keepends=True):
        m = FROM_RE.match(line)
        if m:
            head, flags, image, rest = m.groups()
            line = head + flags + substitute(image) + rest + ("" if rest.endswith("\n") or not line.endswith("\n") else "\n")
            s = STAGE_RE.match(rest)
            if s:
                stages.add(s.group(1).lower())
        elif re.match(r"^\s*COPY\s", line, re.IGNORECASE):
            line = COPY_FROM_RE.sub(lambda c: c.group(1) + substitute(c.group(2)), line)
        out.append(line)
    return "".join(out), mapped, unmapped


# ---------------------------------------------------------------------------------------------
# buildah

def buildah_settings():
    """BUILDAH_ARGS, BUILDAH_BUILD_ARGS and the environment from buildah-env.sh."""
    script = (
        f'source "{ENV_SCRIPT}" >/dev/null 2>&1 || exit 3; '
        'printf "%s\\0" "${BUILDAH_ARGS[@]}"; printf "\\1\\0"; '
        'printf "%s\\0" "${BUILDAH_BUILD_ARGS[@]}"; printf "\\1\\0"; env -0'
    )
    out = subprocess.run(["bash", "-c", script], capture_output=True, check=True).stdout.decode()
    parts = out.split("\1\0")
    args = [a for a in parts[0].split("\0") if a]
    build_args = [a for a in parts[1].split("\0") if a]
    env = dict(kv.split("=", 1) for kv in parts[2].split("\0") if "=" in kv)
    return args, build_args, env


class Buildah:
    def __init__(self):
        self.args, self.build_args, self.env = buildah_settings()
        self.created_ids = []  # images committed by our builds (intermediate layers included)

    def run(self, argv, timeout=None, **kw):
        return subprocess.run(["buildah"] + self.args + argv, env=self.env, capture_output=True,
                              text=True, timeout=timeout, **kw)

    def image_exists(self, ref):
        return self.run(["inspect", "--type", "image", ref]).returncode == 0

    def build(self, dockerfile, context, tag, cold, log_path, timeout):
        argv = ["buildah"] + self.args + ["build"] + self.build_args
        if cold:
            argv.append("--no-cache")
        argv += ["-f", dockerfile, "-t", tag, context]
        start = time.monotonic()
        with open(log_path, "w") as log:
            log.write("$ " + " ".join(argv) + "\n")
            log.flush()
            try:
                rc = subprocess.run(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                    timeout=timeout).returncode
            except subprocess.TimeoutExpired:
                rc = 124
                log.write(f"\n[run-suite] timed out after {timeout} s\n")
        seconds = time.monotonic() - start
        with open(log_path, errors="replace") as log:
            text = log.read()
        # "--> <id>" follows every step that committed an image; "--> Using cache <id>" marks a
        # step that reused one (multi-stage builds prefix steps with "[stage/stages] ")
        lines = text.splitlines()
        cached = re.findall(r"Using cache ([0-9a-f]{64})", text)
        steps = [l for l in lines if re.match(r"^(\[\d+/\d+\] )?STEP \d+/\d+: ", l)]
        created = []
        for l in lines:
            m = re.match(r"^--> ([0-9a-f]{11,64})\s*$", l)
            if m and not any(c.startswith(m.group(1)) for c in cached) and m.group(1) not in created:
                created.append(m.group(1))
        self.created_ids += created
        return {"ok": rc == 0, "status": rc, "seconds": round(seconds, 1), "steps": len(steps),
                "cached_steps": len(cached), "created_ids": created, "cached_ids": cached,
                "log_tail": None if rc == 0 else "\n".join(lines[-40:])}

    def image_facts(self, ref):
        out = self.run(["inspect", "--type", "image", ref])
        if out.returncode != 0:
            return None
        data = json.loads(out.stdout)
        manifest = json.loads(data["Manifest"])
        config = json.loads(data["Config"])
        return {
            "id": data["FromImageID"],
            "size_bytes": sum(layer["size"] for layer in manifest["layers"]),
            "layers": len(manifest["layers"]),
            "cmd": config.get("config", {}).get("Cmd"),
            "entrypoint": config.get("config", {}).get("Entrypoint"),
            "user": config.get("config", {}).get("User") or None,
        }

    def smoke(self, ref, argv, timeout):
        made = self.run(["from", "--pull=never", ref])
        if made.returncode != 0:
            return {"ok": False, "status": made.returncode, "output": made.stderr[-2000:]}
        ctr = made.stdout.strip().splitlines()[-1]
        try:
            out = self.run(["run", "--isolation", "chroot", ctr, "--"] + argv, timeout=timeout)
            return {"status": out.returncode, "output": (out.stdout + out.stderr)[-2000:]}
        except subprocess.TimeoutExpired:
            return {"status": 124, "output": f"timed out after {timeout} s"}
        finally:
            self.run(["rm", ctr])

    def remove(self, refs):
        for ref in refs:
            self.run(["rmi", ref])


# ---------------------------------------------------------------------------------------------
# whittle

def die(message):
    print(f"run-suite: {message}", file=sys.stderr)
    sys.exit(2)


def find_whittle(explicit):
    if explicit:
        return os.path.abspath(explicit)
    if os.environ.get("WHITTLE"):
        return os.path.abspath(os.environ["WHITTLE"])
    scratch = ["swift", "build", "-c", "release", "--scratch-path", ".build-bench"]
    try:
        bindir = subprocess.run(scratch + ["--show-bin-path"], cwd=REPO, capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        die(f"cannot find whittle (pass --whittle PATH or set WHITTLE): {e}")
    binary = os.path.join(bindir, "whittle")
    # Always build: SwiftPM's build is incremental, and a binary left from an older checkout
    # would measure old code (it once reported a fixed split-stages bug as still there).
    print(f"run-suite: building whittle ({' '.join(scratch)})", flush=True)
    subprocess.run(scratch + ["--product", "whittle"], cwd=REPO, check=True)
    return binary


def whittle_fix(whittle, workdir):
    """Runs check (json) then fix on workdir/Dockerfile. Returns facts about the rewrite."""
    dockerfile = os.path.join(workdir, "Dockerfile")
    with open(dockerfile) as f:
        before = f.read()
    check = subprocess.run([whittle, "check", "--format", "json", "--no-config", "--unsafe-fixes", "Dockerfile"],
                           cwd=workdir, capture_output=True, text=True)
    findings = []
    try:
        for file in json.loads(check.stdout)["files"]:
            findings += file.get("findings", [])
    except (ValueError, KeyError):
        pass
    changed_by = []
    for f in findings:
        if (f.get("fix") or {}).get("applied") and f["rule"] not in changed_by:
            changed_by.append(f["rule"])
    first_round = list(changed_by)
    fix = subprocess.run([whittle, "fix", "--unsafe-fixes", "--no-config", "Dockerfile"],
                         cwd=workdir, capture_output=True, text=True)
    with open(dockerfile) as f:
        after = f.read()
    # fix's summary ("  merge-runs: 1 fix, 2 layers fewer") names every pass that changed the file,
    # in every round; check's findings are those of the first round only
    summary = [l.strip() for l in fix.stderr.splitlines() if re.match(r"^\s+[a-z0-9-]+: \d+ fix", l)]
    for line in summary:
        rule = line.split(":", 1)[0]
        if rule not in changed_by:
            changed_by.append(rule)
    diff = "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                        "a/Dockerfile", "b/Dockerfile"))
    return {
        "passes_changed": changed_by,
        "passes_first_round": first_round,
        "fix_summary": summary,
        "findings": [{"rule": f["rule"], "line": f["start"]["line"], "message": f["message"],
                      "fix": (f.get("fix") or {}).get("safety"), "applied": bool((f.get("fix") or {}).get("applied"))}
                     for f in findings],
        "check_status": check.returncode,
        "fix_status": fix.returncode,
        "fix_stderr": fix.stderr.strip()[-2000:],
        "changed": before != after,
        "diff": diff,
        "text": after,
    }


def whittle_version(whittle):
    try:
        return subprocess.run([whittle, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# the suite

COMMENT = {".py": "#", ".sh": "#", ".toml": "#", ".yaml": "#", ".yml": "#", ".txt": "#", ".cmake": "#",
           ".go": "//", ".c": "//", ".h": "//", ".cc": "//", ".cpp": "//", ".rs": "//", ".js": "//", ".java": "//"}


def touch_source(context, relative):
    ext = os.path.splitext(relative)[1]
    marker = COMMENT.get(ext, "#")
    with open(os.path.join(context, relative), "a") as f:
        f.write(f"\n{marker} edited by whittle's run-suite.py at {datetime.datetime.now().isoformat(timespec='seconds')}\n")


def load_apps(selected):
    names = sorted(d for d in os.listdir(APPS_DIR) if os.path.isfile(os.path.join(APPS_DIR, d, "app.json")))
    if selected:
        wanted = [a.strip() for a in selected.split(",") if a.strip()]
        unknown = [a for a in wanted if a not in names]
        if unknown:
            die(f"unknown app(s): {', '.join(unknown)} (have: {', '.join(names)})")
        names = wanted
    apps = []
    for name in names:
        with open(os.path.join(APPS_DIR, name, "app.json")) as f:
            spec = json.load(f)
        spec["name"] = name
        apps.append(spec)
    return apps


def pct_change(before, after):
    if before in (None, 0) or after is None:
        return None
    return round(100.0 * (after - before) / before, 1) + 0.0


def mb(n):
    return "-" if n is None else f"{n / 1e6:.1f} MB"


def secs(s):
    return "-" if s is None else f"{s:.1f} s"


def pct(p):
    return "-" if p is None else f"{p:+.1f}%"


def prepare(app, whittle, root):
    """Copies the app twice (original, rewritten), runs whittle on the second, maps FROM lines."""
    src = os.path.join(APPS_DIR, app["name"])
    result = {"app": app["name"], "description": app.get("description", "")}
    ctx = {}
    for variant in ("original", "rewritten"):
        ctx[variant] = os.path.join(root, app["name"], variant)
        shutil.copytree(src, ctx[variant], ignore=shutil.ignore_patterns("app.json"))
    result["whittle"] = whittle_fix(whittle, ctx["rewritten"])
    files = {}
    for variant in ("original", "rewritten"):
        with open(os.path.join(ctx[variant], "Dockerfile")) as f:
            text, mapped, unmapped = map_dockerfile(f.read())
        files[variant] = os.path.join(root, app["name"], f"{variant}.local.Dockerfile")
        with open(files[variant], "w") as f:
            f.write(text)
        result.setdefault("stand_ins", {})[variant] = [
            {"official": o, "local": l, **({"note": n} if n else {})} for o, l, n in mapped]
        if unmapped:
            result.setdefault("unmapped", {})[variant] = unmapped
    return result, ctx, files


def run_app(app, whittle, bh, root, opts):
    result, ctx, files = prepare(app, whittle, root)
    w = result["whittle"]
    print(f"\n== {app['name']}: {app.get('description', '')}", flush=True)
    print(f"   whittle changed it with: {', '.join(w['passes_changed']) or '(nothing)'}"
          + (f"  [fix exit {w['fix_status']}: {w['fix_stderr']}]" if w["fix_status"] not in (0,) else ""), flush=True)
    for line in w["fix_summary"]:
        print(f"     {line}")
    if w["passes_first_round"] != w["passes_changed"]:
        print(f"     (check --format json, first round: {', '.join(w['passes_first_round']) or 'nothing'})")
    for variant in ("original", "rewritten"):
        for s in result["stand_ins"][variant]:
            if s.get("note"):
                print(f"   {variant}: {s['official']} -> {s['local']} ({s['note']})")
    tag = {v: f"{BENCH_PREFIX}{app['name']}:{v}-{os.getpid()}" for v in ("original", "rewritten")}
    logs = os.path.join(root, app["name"])
    touched = app.get("touch")
    smoke = app.get("smoke") or {}
    # One variant after the other, each removed before the next starts: buildah reuses the first
    # cached image it finds for a step, so an identical step left by another build (the other
    # variant, another app) could be picked and the rest of the chain would miss the cache.
    for variant in ("original", "rewritten"):
        r = result[variant] = {"tag": tag[variant]}
        if result.get("unmapped", {}).get(variant):
            r["build"] = {"ok": False, "status": None, "seconds": None,
                          "log_tail": f"no local stand-in for {', '.join(result['unmapped'][variant])}"}
            continue
        absent = [x["local"] for x in result["stand_ins"][variant] if not bh.image_exists(x["local"])]
        if absent:
            r["build"] = {"ok": False, "status": None, "seconds": None,
                          "log_tail": f"base image(s) missing: {', '.join(absent)}; run Benchmarks/base-images/build.sh "
                                      + " ".join(a[len(LOCAL_PREFIX):] for a in absent)}
            continue
        print(f"   {variant}: cold build...", end="", flush=True)
        r["build"] = bh.build(files[variant], ctx[variant], tag[variant], True,
                              os.path.join(logs, f"{variant}.build.log"), opts.timeout)
        ours = list(r["build"]["created_ids"])
        if not r["build"]["ok"]:
            print(" FAILED", flush=True)
            bh.remove(reversed(ours))
            continue
        r["image"] = bh.image_facts(tag[variant])
        if smoke.get("argv"):
            print(" smoke test...", end="", flush=True)
            s = bh.smoke(tag[variant], smoke["argv"], opts.smoke_timeout)
            s["ok"] = s.get("status") == 0 and smoke.get("expect", "") in s.get("output", "")
            r["smoke"] = s
        if touched:  # the edit-one-file rebuild, with the layer cache; the median of --rebuilds runs
            samples = []
            print(f" {opts.rebuilds} rebuild(s) after editing {touched}...", end="", flush=True)
            for i in range(opts.rebuilds):
                touch_source(ctx[variant], touched)
                rb = bh.build(files[variant], ctx[variant], tag[variant], False,
                              os.path.join(logs, f"{variant}.rebuild{i + 1}.log"), opts.timeout)
                # cache hits on images another build made (not this variant's own builds)
                rb["foreign_cache_hits"] = [c[:12] for c in rb["cached_ids"] if not any(c.startswith(x) for x in ours)]
                ours += rb["created_ids"]
                samples.append(rb)
                if not rb["ok"]:
                    break
            rb = dict(samples[-1])
            rb["samples_seconds"] = [x["seconds"] for x in samples]
            rb["seconds"] = round(statistics.median(rb["samples_seconds"]), 1) if all(x["ok"] for x in samples) else None
            rb["ok"] = all(x["ok"] for x in samples)
            rb["foreign_cache_hits"] = sorted({h for x in samples for h in x["foreign_cache_hits"]})
            r["rebuild"] = rb
        print(" done", flush=True)
        if not opts.keep_images:
            bh.remove([tag[variant]] + list(reversed(ours)))
    # summary numbers
    o, n = result["original"], result["rewritten"]
    osz, nsz = (o.get("image") or {}).get("size_bytes"), (n.get("image") or {}).get("size_bytes")
    orb, nrb = (o.get("rebuild") or {}).get("seconds"), (n.get("rebuild") or {}).get("seconds")
    result["size_change_pct"] = pct_change(osz, nsz)
    result["rebuild_change_pct"] = pct_change(orb, nrb)
    result["cold_build_change_pct"] = pct_change(o["build"].get("seconds"), n["build"].get("seconds"))
    result["smoke"] = {"argv": smoke.get("argv"), "expect": smoke.get("expect")}
    print_app(result)
    w.pop("text", None)
    return result


def status(r, key):
    v = r.get(key)
    if v is None:
        return "-"
    return "ok" if v.get("ok") else "FAILED"


def print_app(result):
    o, n = result["original"], result["rewritten"]
    oi, ni = o.get("image") or {}, n.get("image") or {}
    rows = [
        ("build", status(o, "build"), status(n, "build"), ""),
        ("size", mb(oi.get("size_bytes")), mb(ni.get("size_bytes")), pct(result["size_change_pct"])),
        ("layers", str(oi.get("layers", "-")), str(ni.get("layers", "-")),
         "" if not oi or not ni else f"{ni['layers'] - oi['layers']:+d}"),
        ("cold build", secs(o["build"].get("seconds")), secs(n["build"].get("seconds")), pct(result["cold_build_change_pct"])),
        ("rebuild", secs((o.get("rebuild") or {}).get("seconds")), secs((n.get("rebuild") or {}).get("seconds")),
         pct(result["rebuild_change_pct"])),
        ("steps cached", *(f"{(r.get('rebuild') or {}).get('cached_steps', '-')}/{(r.get('rebuild') or {}).get('steps', '-')}"
                           for r in (o, n)), ""),
        ("smoke", status(o, "smoke"), status(n, "smoke"), ""),
    ]
    print(f"   {'':14}{'original':>14}{'rewritten':>14}{'change':>10}")
    for label, a, b, c in rows:
        print(f"   {label:14}{a:>14}{b:>14}{c:>10}")
    for variant, r in (("original", o), ("rewritten", n)):
        if (r.get("rebuild") or {}).get("foreign_cache_hits"):
            print(f"   note: the {variant} rebuild reused image(s) {', '.join(r['rebuild']['foreign_cache_hits'])} made by "
                  "another build with the same steps; its rebuild time may be off")
        if r.get("build") and not r["build"]["ok"]:
            print(f"   !! {variant} build FAILED (exit {r['build']['status']}):\n" +
                  "\n".join("      " + l for l in (r["build"]["log_tail"] or "").splitlines()[-15:]))
        if r.get("smoke") and not r["smoke"]["ok"]:
            print(f"   !! {variant} smoke test FAILED (exit {r['smoke']['status']}), output:\n" +
                  "\n".join("      " + l for l in r["smoke"]["output"].splitlines()[-10:]))
    if (n.get("build") and not n["build"]["ok"]) or (n.get("smoke") and not n["smoke"]["ok"]):
        print("   whittle's diff:\n" + "\n".join("      " + l for l in result["whittle"]["diff"].splitlines()))
    sys.stdout.flush()


def summary_table(results):
    head = ("app", "passes", "size before", "size after", "size", "layers", "cold before", "cold after",
            "rebuild before", "rebuild after", "rebuild", "smoke")
    rows = []
    for r in results:
        o, n = r["original"], r["rewritten"]
        oi, ni = o.get("image") or {}, n.get("image") or {}
        rows.append((
            r["app"], str(len(r["whittle"]["passes_changed"])),
            mb(oi.get("size_bytes")) if o["build"]["ok"] else "FAILED",
            mb(ni.get("size_bytes")) if n["build"]["ok"] else "FAILED",
            pct(r["size_change_pct"]),
            f"{oi.get('layers', '-')} → {ni.get('layers', '-')}",
            secs(o["build"].get("seconds")), secs(n["build"].get("seconds")),
            secs((o.get("rebuild") or {}).get("seconds")), secs((n.get("rebuild") or {}).get("seconds")),
            pct(r["rebuild_change_pct"]),
            f"{status(o, 'smoke')} / {status(n, 'smoke')}",
        ))
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    return "\n".join(lines)


def markdown(report):
    """The results as the Markdown table of Docs/Benchmarks.md."""
    def mbs(r):
        return "FAILED" if not r["build"]["ok"] else f"{(r.get('image') or {}).get('size_bytes', 0) / 1e6:.1f}"

    def sec(r, key):
        v = (r.get(key) or {}).get("seconds")
        return "-" if v is None else f"{v:.1f}"

    def ok(r):
        sm = r.get("smoke")
        return "-" if sm is None else ("ok" if sm["ok"] else "**FAILED**")

    lines = ["| app | passes that changed it | size before → after (MB) | size | layers | cold build (s) | "
             "rebuild after an edit (s) | rebuild | smoke before / after |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in report["apps"]:
        o, n = r["original"], r["rewritten"]
        lines.append(
            f"| {r['app']} | {', '.join(r['whittle']['passes_changed'])} | {mbs(o)} → {mbs(n)} | {pct(r['size_change_pct'])} | "
            f"{(o.get('image') or {}).get('layers', '-')} → {(n.get('image') or {}).get('layers', '-')} | "
            f"{sec(o, 'build')} → {sec(n, 'build')} | {sec(o, 'rebuild')} → {sec(n, 'rebuild')} | "
            f"{pct(r['rebuild_change_pct'])} | {ok(o)} / {ok(n)} |")
    s = report.get("summary", {})
    if s:
        lines.append("")
        lines.append(f"**Median size reduction: {s['median_size_reduction_pct']}%. Median rebuild-time reduction: "
                     f"{s['median_rebuild_reduction_pct']}%.** (Median cold-build change: {s['median_cold_build_change_pct']:+}%.) "
                     f"Rewritten builds failed: {', '.join(s['rewritten_builds_failed']) or 'none'}; rewritten smoke tests "
                     f"failed: {', '.join(s['rewritten_smoke_failed']) or 'none'}.")
    return "\n".join(lines)


def machine():
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass

    def out(argv, cwd=None):
        try:
            return subprocess.run(argv, capture_output=True, text=True, cwd=cwd).stdout.strip() or None
        except OSError:
            return None
    commit = out(["git", "rev-parse", "--short", "HEAD"], REPO)
    dirty = out(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], REPO)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"nproc": os.cpu_count(), "memory": mem, "kernel": platform.release(), "machine": platform.machine(),
            "buildah": out(["buildah", "--version"]), "git_commit": (commit + ("+dirty" if dirty else "")) if commit else None,
            "loadavg_at_start": [round(x, 2) for x in load] if load else None}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--apps", help="comma-separated app names (default: every app in Benchmarks/apps)")
    p.add_argument("--json", metavar="OUT", help="write the results as JSON to OUT")
    p.add_argument("--whittle", metavar="PATH", help="the whittle binary (default: $WHITTLE, else the "
                   "release build in .build-bench, built if missing)")
    p.add_argument("--list-bases", action="store_true", help="print the local base images the apps' original "
                   "and rewritten files need (for base-images/build.sh), one per line, and exit")
    p.add_argument("--keep-images", action="store_true", help="keep the images built")
    p.add_argument("--keep-temp", action="store_true", help="keep the temporary folder (copies, mapped files, build logs)")
    p.add_argument("--rebuilds", type=int, default=3, help="edit-and-rebuild cycles per image; the median "
                   "time is reported (default 3)")
    p.add_argument("--timeout", type=int, default=1800, help="seconds allowed per build (default 1800)")
    p.add_argument("--smoke-timeout", type=int, default=120, help="seconds allowed per smoke test (default 120)")
    p.add_argument("--markdown", metavar="JSON", help="print the results in JSON (written by --json) as the "
                   "Markdown table of Docs/Benchmarks.md, and exit")
    opts = p.parse_args()
    if opts.markdown:
        with open(opts.markdown) as f:
            print(markdown(json.load(f)))
        return 0

    apps = load_apps(opts.apps)
    whittle = find_whittle(opts.whittle)
    if not os.access(whittle, os.X_OK):
        die(f"{whittle} is not an executable")
    root = tempfile.mkdtemp(prefix="whittle-suite-")

    if opts.list_bases:
        try:
            needed = []
            for app in apps:
                result, _, _ = prepare(app, whittle, root)
                for variant in ("original", "rewritten"):
                    for s in result["stand_ins"][variant]:
                        name = s["local"][len(LOCAL_PREFIX):]
                        if name not in needed:
                            needed.append(name)
            print("\n".join(needed))
        finally:
            shutil.rmtree(root, ignore_errors=True)
        return 0

    if shutil.which("buildah") is None:
        die("buildah is not installed (see Benchmarks/base-images/README.md)")
    bh = Buildah()
    started = datetime.datetime.now(datetime.timezone.utc)
    report = {
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "whittle": {"binary": whittle, "version": whittle_version(whittle),
                    "binary_built": datetime.datetime.fromtimestamp(os.path.getmtime(whittle), datetime.timezone.utc)
                    .isoformat(timespec="seconds")},
        "size_method": "sum of the layer sizes in the image manifest (buildah inspect --type image; Docker format, "
                       "uncompressed layer tars): the uncompressed image size",
        "stand_ins": {k: {"local": LOCAL_PREFIX + v[0], **({"note": v[1]} if v[1] else {})} for k, v in STAND_INS.items()},
        "apps": [],
    }
    print(f"whittle benchmark suite: {len(apps)} app(s), {report['whittle']['version']} ({whittle})")
    print(f"machine: {report['machine']['nproc']} cpus, {report['machine']['memory']}, kernel {report['machine']['kernel']}; "
          f"work folder {root}")
    tags = []
    try:
        for app in apps:
            try:
                result = run_app(app, whittle, bh, root, opts)
            except Exception as e:  # a suite error: record it and go on
                result = {"app": app["name"], "error": f"{type(e).__name__}: {e}",
                          "original": {"build": {"ok": False, "seconds": None}},
                          "rewritten": {"build": {"ok": False, "seconds": None}},
                          "whittle": {"passes_changed": [], "diff": ""},
                          "size_change_pct": None, "rebuild_change_pct": None, "cold_build_change_pct": None}
                print(f"   !! suite error: {result['error']}")
            report["apps"].append(result)
            tags += [result[v]["tag"] for v in ("original", "rewritten") if result[v].get("tag")]
            for v in ("original", "rewritten"):
                for b in ("build", "rebuild"):
                    if isinstance(result[v].get(b), dict):
                        result[v][b].pop("created_ids", None)
            if opts.json:  # keep partial results on disk
                write_json(opts.json, report)
    finally:
        if not opts.keep_images:
            bh.remove(tags)
            bh.remove(reversed(bh.created_ids))  # the intermediate layer images our builds committed
        if not opts.keep_temp:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"\nkept {root}")

    results = report["apps"]
    sizes = [r["size_change_pct"] for r in results if r["size_change_pct"] is not None]
    rebuilds = [r["rebuild_change_pct"] for r in results if r["rebuild_change_pct"] is not None]
    colds = [r["cold_build_change_pct"] for r in results if r["cold_build_change_pct"] is not None]
    rewritten_failed = [r["app"] for r in results if not r["rewritten"]["build"]["ok"]
                        or (r["rewritten"].get("rebuild") or {}).get("ok") is False]
    original_failed = [r["app"] for r in results if not r["original"]["build"]["ok"]]
    smoke_failed = [r["app"] for r in results if (r["rewritten"].get("smoke") or {}).get("ok") is False
                    or (r["rewritten"]["build"]["ok"] and r.get("smoke", {}).get("argv") and not r["rewritten"].get("smoke"))]
    original_smoke_failed = [r["app"] for r in results if (r["original"].get("smoke") or {}).get("ok") is False]
    report["summary"] = {
        "apps": len(results),
        "median_size_change_pct": round(statistics.median(sizes), 1) if sizes else None,
        "median_size_reduction_pct": round(-statistics.median(sizes), 1) + 0.0 if sizes else None,
        "median_rebuild_change_pct": round(statistics.median(rebuilds), 1) if rebuilds else None,
        "median_rebuild_reduction_pct": round(-statistics.median(rebuilds), 1) + 0.0 if rebuilds else None,
        "median_cold_build_change_pct": round(statistics.median(colds), 1) if colds else None,
        "rewritten_builds_failed": rewritten_failed,
        "original_builds_failed": original_failed,
        "rewritten_smoke_failed": smoke_failed,
        "original_smoke_failed": original_smoke_failed,
        "seconds": round((datetime.datetime.now(datetime.timezone.utc) - started).total_seconds()),
    }
    s = report["summary"]
    print("\n" + summary_table(results))
    print(f"\nmedian size reduction: {s['median_size_reduction_pct']}%   "
          f"median rebuild-time reduction: {s['median_rebuild_reduction_pct']}%   "
          f"(median cold-build change: {s['median_cold_build_change_pct']}%)")
    print(f"rewritten builds failed: {', '.join(rewritten_failed) or 'none'};  "
          f"rewritten smoke tests failed: {', '.join(smoke_failed) or 'none'}")
    if original_failed or original_smoke_failed:
        print(f"ORIGINAL builds failed: {', '.join(original_failed) or 'none'};  "
              f"original smoke tests failed: {', '.join(original_smoke_failed) or 'none'} (a suite problem)")
    print(f"suite time: {s['seconds']} s")
    if opts.json:
        write_json(opts.json, report)
        print(f"results written to {opts.json}")
    return 1 if (rewritten_failed or smoke_failed or original_failed or original_smoke_failed) else 0


def write_json(path, report):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
