#!/usr/bin/env bash
# Parser speed over the shared corpus, in one process: prints the time and MB/s (best of 5), next
# to BuildKit's own parser (driven from Python) on the same files. Figures only, no assertions.
# Usage: Benchmarks/parser-speed.sh [CORPUS_DIR]   (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 0; }
swift build -c release --product whittle >/dev/null
bin="$(swift build -c release --show-bin-path)/whittle"
list=$(mktemp)
find "$corpus" -type f ! -name '*.tsv' ! -name README.md ! -name result ! -name SUMMARY.txt | sort > "$list"
mapfile -t files < "$list"
echo "whittle:  $("$bin" parse --benchmark "${files[@]}")"
if [ -x ../shared/tools/setup-peers ]; then
    py="$(../shared/tools/setup-peers | tail -n 1)/python"
    start=$(date +%s.%N)
    "$py" ../shared/tools/buildkit-dump --list "$list" > /dev/null
    end=$(date +%s.%N)
    echo "BuildKit: $(wc -l < "$list") files in $(echo "($end - $start) * 1000" | bc) ms (buildkit-dump, one process, including Python startup)"
fi
rm -f "$list"
