#!/usr/bin/env bash
# Builds the parser fuzzer and runs it. Usage: Fuzz/run.sh [SECONDS]   (default 60)
#
# The target is compiled straight from Sources/WhittleSyntax plus Fuzz/ParserFuzzer (SwiftPM does
# not see Fuzz/). Seeds: the Golden/parse inputs, copied into Fuzz/corpus-work/ (git-ignored),
# where libFuzzer also keeps what it finds. Crashes and the binary go to Fuzz/out/ (git-ignored).
# Environment: SWIFTC (default: swiftc on PATH, else /opt/swift/usr/bin/swiftc), FUZZ_ARGS (more
# libFuzzer options, e.g. "-jobs=2").
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"
work="$here/corpus-work"
mkdir -p "$out" "$work"

swiftc=${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}
echo "building $out/parser-fuzzer" >&2
"$swiftc" -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 \
  -module-name ParserFuzzer \
  "$root"/Sources/WhittleSyntax/*.swift "$here"/ParserFuzzer/*.swift \
  -o "$out/parser-fuzzer"

for dir in "$root"/Golden/parse/*/; do
  [[ -f "$dir/Dockerfile" ]] && cp "$dir/Dockerfile" "$work/seed-$(basename "$dir")"
done

cd "$out"
# shellcheck disable=SC2086
exec ./parser-fuzzer "$work" \
  -dict="$here/dockerfile.dict" \
  -max_total_time="$seconds" \
  -max_len=4096 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -artifact_prefix="$out/" \
  -print_final_stats=1 \
  ${FUZZ_ARGS:-}
