#!/usr/bin/env bash
# How fast the whittle tool is, end to end, as users run it. Prints figures; asserts nothing.
#
#   (a) `whittle check` over the whole shared corpus in ONE process (every file as an argument):
#       wall time, best of 3, with files/s and MB/s;
#   (b) start-up: `whittle check` on one small file, mean of 20 runs (hyperfine when installed,
#       else a bash loop timed with `date +%s.%N`);
#   (c) BuildKit's own parser (Python bindings, `../shared/tools/buildkit-dump --list`) on the same
#       files, one process, Python start-up included, and the ratio to (a).
#
# Usage: Benchmarks/tool-speed.sh [CORPUS_DIR]   (default ../shared/corpus)
# Environment: WHITTLE_SCRATCH  SwiftPM scratch folder for the release build (default .build)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
scratch=${WHITTLE_SCRATCH:-.build}
[ -d "$corpus" ] || { echo "no corpus at $corpus: nothing to measure"; exit 0; }

now() { date +%s.%N; }
ms() { echo "($2 - $1) * 1000" | bc -l | xargs printf '%.0f'; }

echo "building whittle (release, scratch $scratch)..."
swift build -c release --product whittle --scratch-path "$scratch" >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/whittle"
echo "binary:   $bin ($("$bin" --version))"

list=$(mktemp)
trap 'rm -f "$list" "$list.json"' EXIT
find "$corpus" -type f ! -name '*.tsv' ! -name README.md ! -name result ! -name SUMMARY.txt | sort > "$list"
mapfile -t files < "$list"
count=${#files[@]}
bytes=$(cat "${files[@]}" | wc -c)
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'corpus:   %d files, %.2f MB (%s)\n\n' "$count" "$mb" "$corpus"

# (a) One process over every file. check exits with 1 (fixes pending) or 2 (files it refuses):
# both are expected here.
best=""
runs=()
for _ in 1 2 3; do
    start=$(now)
    "$bin" check --no-config --fail-on never "${files[@]}" >/dev/null 2>&1 || true
    end=$(now)
    t=$(ms "$start" "$end")
    runs+=("$t")
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
summary=$({ "$bin" check --no-config --fail-on never --format json "${files[@]}" 2>/dev/null || true; } |
    python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print("%d findings, %d fixable, %d files refused" % (s["findings"], s["fixable"], s["errors"]))')
printf '(a) whittle check, one process:  %s ms (best of 3: %s ms)\n' "$best" "${runs[*]}"
printf '    %.0f files/s, %.1f MB/s; %s\n\n' \
    "$(echo "$count / ($best / 1000)" | bc -l)" "$(echo "$mb / ($best / 1000)" | bc -l)" "$summary"

# (b) Start-up: one small file, 20 runs.
small=Examples/python-app/Dockerfile
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --runs 20 --warmup 3 -N --style none -i --export-json "$list.json" \
        "$bin check --no-config --fail-on never $small" >/dev/null
    startup=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f ms ± %.1f ms (min %.1f, max %.1f)" % tuple(r[k] * 1000 for k in ("mean", "stddev", "min", "max")))' "$list.json")
    how="hyperfine, 20 runs after 3 warm-up runs"
else
    "$bin" check --no-config --fail-on never "$small" >/dev/null 2>&1 || true
    start=$(now)
    for _ in $(seq 20); do "$bin" check --no-config --fail-on never "$small" >/dev/null 2>&1 || true; done
    end=$(now)
    startup="$(echo "($end - $start) * 1000 / 20" | bc -l | xargs printf '%.1f') ms"
    how="bash loop, 20 runs (install hyperfine for spread figures)"
fi
printf '(b) start-up, whittle check on %s: %s  [%s]\n\n' "$small" "$startup" "$how"

# (c) BuildKit's parser on the same files.
if [ -x ../shared/tools/setup-peers ] && [ -f ../shared/tools/buildkit-dump ]; then
    venv=$(../shared/tools/setup-peers | tail -n 1)
    py="$venv/python"
    "$py" ../shared/tools/buildkit-dump --list "$list" >/dev/null 2>&1 || true # warm the file cache
    bk=""
    for _ in 1 2 3; do
        start=$(now)
        "$py" ../shared/tools/buildkit-dump --list "$list" >/dev/null 2>&1 || true
        end=$(now)
        t=$(ms "$start" "$end")
        if [ -z "$bk" ] || [ "$t" -lt "$bk" ]; then bk=$t; fi
    done
    start=$(now)
    "$py" -c 'import dockerfile' >/dev/null 2>&1 || true
    end=$(now)
    pystart=$(ms "$start" "$end")
    printf '(c) BuildKit parser (buildkit-dump --list, one process): %s ms (best of 3; Python start-up and import alone: %s ms)\n' "$bk" "$pystart"
    printf '    ratio: BuildKit parsing only / whittle parsing + all passes + report = %.1fx\n' \
        "$(echo "$bk / $best" | bc -l)"
else
    echo "(c) ../shared/tools/setup-peers or buildkit-dump not found: BuildKit comparison skipped"
fi
