#!/usr/bin/env bash
# What CI runs to prove whittle's rewrites on real builds: two small apps of the benchmark suite,
# built before and after `whittle fix --unsafe-fixes` with buildah on local base images.
#
#   Benchmarks/ci-subset.sh [APP,APP]        (default: c-make,debian-jq)
#
# 1. installs buildah and debootstrap with apt-get if they are missing (needs root);
# 2. builds whittle (swift build -c release --scratch-path .build-bench) unless $WHITTLE names a binary;
# 3. builds only the local base images those apps need, before and after the rewrite
#    (Benchmarks/base-images/build.sh; a second run takes a second);
# 4. runs Benchmarks/run-suite.py --apps APPS and fails (non-zero) if a rewritten file does not
#    build, a smoke test fails, or an original does not build (a suite problem).
#
# When the machine can't do it (not root, apt-get can't install buildah/debootstrap, the Debian
# mirror is unreachable with no cached images, ...) it prints a loud "SKIPPED: ..." line and exits 0.
#
# Environment: WHITTLE (a whittle binary), WHITTLE_CI_JSON (where the suite writes its JSON,
# default bench-ci.json in the current folder), and build.sh's WHITTLE_BASE_CACHE,
# WHITTLE_BUILDAH_ROOT, WHITTLE_DEBIAN_MIRROR.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
apps=${1:-c-make,debian-jq}
json=${WHITTLE_CI_JSON:-$PWD/bench-ci.json}
t_start=$(date +%s)

log() { printf '[ci-subset %4ss] %s\n' "$(( $(date +%s) - t_start ))" "$*"; }
skip() {
    echo
    echo "################################################################################"
    echo "SKIPPED: whittle's real-build check did not run: $*"
    echo "################################################################################"
    exit 0
}

# 1. tools ------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || skip "not root (buildah's store and chroot builds need root here)"
command -v python3 >/dev/null || skip "python3 is not installed"
missing=()
for tool in buildah debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    command -v apt-get >/dev/null || skip "${missing[*]} missing and there is no apt-get to install them"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
        skip "could not install ${missing[*]} with apt-get"
    fi
fi
log "$(buildah --version)"

# 2. whittle ----------------------------------------------------------------------------------
if [ -n "${WHITTLE:-}" ]; then
    whittle=$WHITTLE
else
    log "building whittle (swift build -c release --scratch-path .build-bench)"
    (cd "$repo" && swift build -c release --scratch-path .build-bench --product whittle 2>&1 | tail -1)
    whittle="$(cd "$repo" && swift build -c release --scratch-path .build-bench --show-bin-path)/whittle"
fi
[ -x "$whittle" ] || { echo "ci-subset: no whittle binary at $whittle" >&2; exit 1; }
log "whittle: $whittle ($("$whittle" --version))"

# 3. base images: only those the apps need, before and after the rewrite ------------------------
mapfile -t bases < <(python3 "$here/run-suite.py" --list-bases --apps "$apps" --whittle "$whittle")
[ ${#bases[@]} -gt 0 ] || { echo "ci-subset: run-suite.py --list-bases found no base image" >&2; exit 1; }
log "base images needed: ${bases[*]}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$here/base-images/build.sh" "${bases[@]}" 2>&1 | tee "$out"
if grep -q '^SKIPPED:' "$out"; then
    skip "base images could not be built: $(grep '^SKIPPED:' "$out" | head -1 | cut -d' ' -f2-)"
fi

# 4. the suite --------------------------------------------------------------------------------
log "run-suite.py --apps $apps"
status=0
python3 "$here/run-suite.py" --apps "$apps" --whittle "$whittle" --json "$json" || status=$?
log "done in $(( $(date +%s) - t_start )) s (suite exit $status; results in $json)"
if [ "$status" -ne 0 ]; then
    echo "FAILED: a rewritten Dockerfile did not build or its smoke test failed (or an original failed); see above" >&2
fi
exit "$status"
