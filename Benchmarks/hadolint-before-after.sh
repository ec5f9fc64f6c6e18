#!/usr/bin/env bash
# What `whittle fix` does to hadolint's findings about layers and caches, over real Dockerfiles.
#
# For every file under ../shared/corpus/apps and ../shared/corpus/official (metadata such as
# MANIFEST.tsv aside), counts hadolint's findings with the codes below, runs
# `whittle fix --unsafe-fixes --no-config` on a copy of the file, and counts again:
#
#   DL3009 apt lists not deleted          DL3015 apt-get without --no-install-recommends
#   DL3019 apk add without --no-cache     DL3042 pip install without --no-cache-dir
#   DL3059 consecutive RUNs               DL3060 yarn install without yarn cache clean
#   DL3032 yum without yum clean all      DL3036 zypper without zypper clean
#   DL3040 dnf without dnf clean all
#
# Prints, per code, the findings before and after and the reduction; the total; and up to 3
# example files per code where findings remain (to see what to improve next). Files hadolint
# cannot parse (its DL1000) are left out of the counts and counted separately. A second set of
# columns leaves out files whose RUNs run under cmd.exe or PowerShell: whittle merges their RUNs
# only when every RUN but the last provably leaves nothing but files behind (an installer or
# setx changes the PATH the next RUN reads), so most of their DL3059 findings stay.
#
# Usage: Benchmarks/hadolint-before-after.sh [CORPUS_DIR]   (default ../shared/corpus)
# Environment: WHITTLE_SCRATCH  SwiftPM scratch folder for the release build (default .build)
#              WHITTLE_BIN      use this whittle binary instead of building one
#              KEEP_WORK=1      keep the work folder (copies before/after and hadolint's JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
scratch=${WHITTLE_SCRATCH:-.build}
codes=(DL3009 DL3015 DL3019 DL3042 DL3059 DL3060 DL3032 DL3036 DL3040)
for sub in apps official; do
    [ -d "$corpus/$sub" ] || { echo "no corpus at $corpus/$sub: nothing to measure"; exit 0; }
done
[ -f ../shared/tools/setup-peers ] || { echo "no ../shared/tools/setup-peers: cannot get hadolint"; exit 0; }

peers=$(bash ../shared/tools/setup-peers | tail -n 1)
hadolint="$peers/hadolint"
python="$peers/python"
[ -x "$hadolint" ] || { echo "setup-peers gave no hadolint in $peers"; exit 1; }

if [ -n "${WHITTLE_BIN:-}" ]; then
    # Absolute: the fix runs from the work folder.
    whittle=$(realpath "$WHITTLE_BIN")
else
    echo "building whittle (release, scratch $scratch)..."
    swift build -c release --product whittle --scratch-path "$scratch" >/dev/null
    whittle="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/whittle"
fi
echo "whittle:  $whittle ($("$whittle" --version))"
echo "hadolint: $("$hadolint" --version)"

work=$(mktemp -d)
if [ "${KEEP_WORK:-0}" = 1 ]; then
    echo "work folder: $work"
else
    trap 'rm -rf "$work"' EXIT
fi

# The same relative paths under before/ and after/, so findings pair up by path.
(cd "$corpus" && find apps official -type f ! -name '*.tsv' ! -name README.md ! -name result \
    ! -name SUMMARY.txt | LC_ALL=C sort) > "$work/files.txt"
total_files=$(wc -l < "$work/files.txt")
echo "corpus:   $total_files files under $corpus/apps and $corpus/official"
mkdir -p "$work/before" "$work/after"
(cd "$corpus" && tar -cf - -T "$work/files.txt") | (cd "$work/before" && tar -xf -)
(cd "$corpus" && tar -cf - -T "$work/files.txt") | (cd "$work/after" && tar -xf -)

# hadolint over a folder's copies, in batches of 100 files, one JSON array per batch and line.
# It runs from the copies' folder, so no .hadolint.yaml of this repository applies.
lint() {
    local side=$1
    (cd "$work/$side" && xargs -d '\n' -n 100 \
        sh -c '"$0" --no-fail --no-color -f json "$@"; echo' "$hadolint" < "$work/files.txt") \
        > "$work/$side.jsonl"
}

echo
echo "hadolint before..."
lint before
echo "whittle fix --unsafe-fixes --no-config on the copies..."
# Exit status 2 means whittle refused some file (not UTF-8 text, not a Dockerfile BuildKit
# accepts); it leaves those alone, which is what we want here.
status=0
(cd "$work/after" && xargs -d '\n' -n 200 "$whittle" fix --unsafe-fixes --no-config --quiet \
    < "$work/files.txt") > "$work/whittle.log" 2>&1 || status=$?
# xargs exits 123 when a run exited 1-125 (whittle's 2); anything else means whittle did not run.
if [ "$status" != 0 ] && [ "$status" != 123 ]; then
    echo "whittle fix failed to run (xargs exit $status):"; head -n 5 "$work/whittle.log"; exit 1
fi
changed=0
while IFS= read -r f; do
    cmp -s "$work/before/$f" "$work/after/$f" || changed=$((changed + 1))
done < "$work/files.txt"
echo "          $changed of $total_files files changed"
echo "hadolint after..."
lint after

"$python" - "$work" "$corpus" "${codes[@]}" <<'PY'
import json, os, re, sys, collections

work, corpus, codes = sys.argv[1], sys.argv[2], sys.argv[3:]

def load(side):
    """file -> list of (code, line), and the set of files hadolint could not parse."""
    found = collections.defaultdict(list)
    unparsable = set()
    with open(f"{work}/{side}.jsonl") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            for item in json.loads(line):
                if item["code"] == "DL1000":
                    unparsable.add(item["file"])
                else:
                    found[item["file"]].append((item["code"], item["line"]))
    return found, unparsable

POSIX = {"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"}

def is_windows(path):
    """Files whose RUNs are not POSIX shell: a backtick escape directive, a SHELL that is no
    POSIX shell (PowerShell), or a Windows base image (cmd.exe). whittle leaves such RUNs alone
    unless they provably touch only files, so most DL3059 findings on them stay."""
    text = open(f"{work}/before/{path}", encoding="utf-8", errors="replace").read()
    if re.search(r"(?im)\A(?:#[^\n]*\n)*?#\s*escape\s*=\s*`", text):
        return True
    for program in re.findall(r'(?im)^\s*shell\s*\[\s*"([^"]+)"', text):
        if os.path.basename(program.replace("\\", "/")).lower().removesuffix(".exe") not in POSIX:
            return True
    return re.search(r"(?im)^\s*from\s+(--\S+\s+)*\S*(windows|nanoserver|servercore)", text) is not None

before, bad_before = load("before")
after, bad_after = load("after")
files = [l.rstrip("\n") for l in open(f"{work}/files.txt")]
kept = [f for f in files if f not in bad_before]
newly_bad = sorted(f for f in kept if f in bad_after)
measured = [f for f in kept if f not in bad_after]
windows = {f for f in kept if is_windows(f)}

def count(found, code, fs):
    return sum(1 for f in fs for c, _ in found.get(f, []) if c == code)

def row(code, fs):
    fs = set(fs)
    b = count(before, code, [f for f in kept if f in fs])
    a = count(after, code, [f for f in measured if f in fs]) + count(before, code, [f for f in newly_bad if f in fs])
    return b, a

def pct(b, a):
    return f"{100 * (b - a) / b:.1f}%" if b else "-"

print()
print(f"{len(files)} files; hadolint cannot parse {len(bad_before)} of them (left out of the counts);")
print(f"{len(windows)} of the others run their RUNs under cmd.exe or PowerShell (Windows images, SHELL pwsh), where")
print("whittle merges only RUNs that provably touch only files; the right-hand columns leave those files out")
if newly_bad:
    print(f"WARNING: hadolint cannot parse {len(newly_bad)} files after whittle fix (counted as before):")
    for f in newly_bad[:10]:
        print(f"  {f}")
linux = [f for f in kept if f not in windows]
print()
print(f"{'':8} {'all files':^26}   {'without cmd/PowerShell files':^28}")
print(f"{'code':<8} {'before':>7} {'after':>7} {'reduction':>10}   {'before':>7} {'after':>7} {'reduction':>10}")
totals = [0, 0, 0, 0]
for code in codes:
    b, a = row(code, kept)
    lb, la = row(code, linux)
    for i, v in enumerate((b, a, lb, la)):
        totals[i] += v
    print(f"{code:<8} {b:>7} {a:>7} {pct(b, a):>10}   {lb:>7} {la:>7} {pct(lb, la):>10}")
tb, ta, lb, la = totals
print(f"{'total':<8} {tb:>7} {ta:>7} {pct(tb, ta):>10}   {lb:>7} {la:>7} {pct(lb, la):>10}")
print()
print("Where findings remain (up to 3 files per code, most findings first; hadolint's lines after the fix):")
for code in codes:
    remaining = [(f, [l for c, l in after.get(f, []) if c == code]) for f in measured]
    remaining = [(f, ls) for f, ls in remaining if ls]
    if not remaining:
        continue
    # POSIX-shell files first (cmd/PowerShell ones are left alone on purpose), then the most findings.
    remaining.sort(key=lambda r: (r[0] in windows, -len(r[1]), r[0]))
    n_win = sum(1 for f, _ in remaining if f in windows)
    print(f"  {code}: {sum(len(ls) for _, ls in remaining)} in {len(remaining)} files ({n_win} of them cmd/PowerShell)")
    for f, ls in remaining[:3]:
        mark = " [cmd/PowerShell]" if f in windows else ""
        print(f"    {corpus}/{f}: line {', '.join(map(str, ls))}{mark}")
PY
