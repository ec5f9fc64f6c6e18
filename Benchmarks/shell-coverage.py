#!/usr/bin/env python3
"""Shell-analysis coverage over a corpus: the share of RUN bodies the shell layer fully understands.

Usage: Benchmarks/shell-coverage.py [CORPUS_DIR]   (default ../shared/corpus; builds release first)

Reads every file with `whittle parse --shell --json`, keeps the POSIX shell bodies (shell-form RUN
and single-heredoc RUN scripts; PowerShell/cmd and exec form are not shell), asks `bash -n` which
of them are valid shell, and prints the share of valid bodies that are not opaque, then the opaque
ones by reason. Target (issue 3): at least 98%.
"""
import collections
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpus")
if not os.path.isdir(corpus):
    print(f"no corpus at {corpus}")
    sys.exit(0)
subprocess.run(["swift", "build", "-c", "release", "--product", "whittle"], cwd=root, check=True,
               stdout=subprocess.DEVNULL)
bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                         capture_output=True, text=True).stdout.strip()
whittle = os.path.join(bin_dir, "whittle")

files = []
for d, _, names in os.walk(corpus):
    for n in names:
        if n in ("MANIFEST.tsv", "README.md", "result", "SUMMARY.txt") or n.endswith(".tsv"):
            continue
        files.append(os.path.join(d, n))
files.sort()

runs = []
for i in range(0, len(files), 300):
    out = subprocess.run([whittle, "parse", "--shell", "--json", *files[i:i + 300]], capture_output=True).stdout
    for line in out.decode("utf-8", "replace").splitlines():
        runs.append(json.loads(line))

forms = collections.Counter(r["form"] for r in runs)
bodies = [r for r in runs if r["form"] in ("shell", "heredoc") and "body" in r]
valid = 0
understood = 0
opaque_valid = collections.Counter()
opaque_invalid = collections.Counter()
for r in bodies:
    ok = subprocess.run(["bash", "-n"], input=r["body"].encode(), capture_output=True).returncode == 0
    if ok:
        valid += 1
        if r["opaque"] is None:
            understood += 1
        else:
            opaque_valid[r["opaque"]] += 1
    elif r["opaque"] is not None:
        opaque_invalid[r["opaque"]] += 1

print(f"RUN instructions: {len(runs)} ({', '.join(f'{k} {v}' for k, v in sorted(forms.items()))})")
print(f"POSIX shell bodies: {len(bodies)}; accepted by bash -n: {valid}")
share = 100.0 * understood / valid if valid else 0.0
print(f"understood (not opaque) among bash-valid bodies: {understood}/{valid} = {share:.2f}% (target >= 98%)")
for reason, n in opaque_valid.most_common():
    print(f"  opaque though bash accepts it: {n:5d}  {reason}")
for reason, n in opaque_invalid.most_common(10):
    print(f"  opaque, bash rejects it too:  {n:5d}  {reason}")
