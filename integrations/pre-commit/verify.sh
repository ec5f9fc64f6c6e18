#!/usr/bin/env bash
# Checks the pre-commit hooks in .pre-commit-hooks.yaml the way a user meets them: in a scratch
# git repository, `pre-commit try-repo` builds whittle (language: swift runs
# `swift build -c release`) and runs each hook on a Dockerfile with findings.
#
#   integrations/pre-commit/verify.sh              # try-repo a clean copy of HEAD, with this
#                                                  # working tree's .pre-commit-hooks.yaml
#   integrations/pre-commit/verify.sh --worktree   # try-repo this repository itself: HEAD plus
#                                                  # the changes to tracked and staged files
#                                                  # (pre-commit's snapshot leaves untracked
#                                                  # files out: commit or `git add` the hooks)
#
# Needs git, Swift 6 and pre-commit (from $PRE_COMMIT, PATH, or else pip-installed into a
# temporary virtualenv). try-repo builds whittle afresh for each of its three runs (a store of
# its own each time; a few minutes in all). With WHITTLE_BIN set, the fixed Dockerfile is also
# compared with `$WHITTLE_BIN fix --stdout`. Exits 0 when every check holds.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
mode=head
case "${1:-}" in
  --worktree) mode=worktree ;;
  --head | "") ;;
  *) echo "usage: $0 [--head|--worktree]" >&2; exit 64 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/whittle-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME=$work/cache   # its log; try-repo keeps its builds elsewhere
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=whittle GIT_AUTHOR_EMAIL=whittle@example.com
export GIT_COMMITTER_NAME=whittle GIT_COMMITTER_EMAIL=whittle@example.com

pre_commit=${PRE_COMMIT:-$(command -v pre-commit || true)}
if [ -z "$pre_commit" ]; then
  echo "+ python3 -m venv $work/venv && pip install pre-commit"
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet pre-commit
  pre_commit=$work/venv/bin/pre-commit
fi
echo "pre-commit: $("$pre_commit" --version); swift: $(swift --version 2>/dev/null | head -1)"

hooks=$root
if [ "$mode" = head ]; then
  hooks=$work/whittle
  mkdir -p "$hooks"
  git -C "$root" archive HEAD | tar -x -C "$hooks"
  cp "$root/.pre-commit-hooks.yaml" "$hooks/"
  git -C "$hooks" init -q
  git -C "$hooks" add -A
  git -C "$hooks" commit -q -m "whittle at $(git -C "$root" rev-parse --short HEAD)"
fi
echo "hook repository: $hooks ($mode)"

project=$work/project
mkdir -p "$project"
cd "$project"
git init -q
cat > Dockerfile <<'DOCKERFILE'
FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
COPY app.sh /usr/local/bin/app.sh
CMD /usr/local/bin/app.sh --serve
DOCKERFILE
cat > clean.Dockerfile <<'DOCKERFILE'
FROM alpine:3.20
RUN apk add --no-cache ca-certificates
CMD ["/bin/true"]
DOCKERFILE
printf '# project\n' > README.md
git add -A
git commit -q -m project
cp Dockerfile "$work/Dockerfile.orig"

failures=0
out=$work/output.txt
# run EXPECTED_STATUS DESCRIPTION COMMAND...: runs it, shows its output (also kept in $out)
run() {
  local expected=$1 what=$2
  shift 2
  echo
  echo "+ ${*/#$pre_commit/pre-commit}"
  set +e
  "$@" > "$out" 2>&1
  local status=$?
  set -e
  sed 's/^/  | /' "$out"
  if [ "$status" -eq "$expected" ]; then
    echo "ok: $what (exit $status)"
  else
    echo "FAIL: $what: exit $status, expected $expected"
    failures=$((failures + 1))
  fi
}
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
said() { grep -qE -- "$1" "$out"; }     # the last run's output matches

run 1 "whittle-check fails on a Dockerfile with findings" \
  "$pre_commit" try-repo "$hooks" whittle-check --verbose --files Dockerfile clean.Dockerfile README.md
check "the hook ran and failed" said '^whittle check\.+Failed'
check "whittle reported findings in Dockerfile" said '^Dockerfile:[0-9]+:[0-9]+: [a-z-]+ '
check "nothing in clean.Dockerfile" eval '! said "^clean\.Dockerfile:"'
check "README.md was not given to whittle" eval '! said "README\.md:[0-9]+:[0-9]+: error"'

run 1 "whittle-fix rewrites the Dockerfile; pre-commit fails because a file changed" \
  "$pre_commit" try-repo "$hooks" whittle-fix --verbose --files Dockerfile clean.Dockerfile README.md
check "the hook ran and failed" said '^whittle fix\.+Failed'
check "pre-commit saw the change" said 'files were modified by this hook'
check "the Dockerfile changed" eval '! cmp -s Dockerfile "$work/Dockerfile.orig"'
check "clean.Dockerfile and README.md are untouched" git diff --quiet -- clean.Dockerfile README.md
if [ -n "${WHITTLE_BIN:-}" ]; then
  check "the Dockerfile holds what \$WHITTLE_BIN fix --stdout prints" \
    eval '"$WHITTLE_BIN" fix --stdout --context . "$work/Dockerfile.orig" | cmp -s - Dockerfile'
fi
cp Dockerfile "$work/Dockerfile.fixed"
echo
echo "+ git diff"
git --no-pager diff | sed 's/^/  | /'

# Without a hook id, try-repo runs every hook of the repository (one build for both).
run 0 "both hooks pass the fixed Dockerfile" \
  "$pre_commit" try-repo "$hooks" --verbose --files Dockerfile clean.Dockerfile README.md
check "whittle-check passed" said '^whittle check\.+Passed'
check "whittle-fix passed (a second fix changes nothing)" said '^whittle fix\.+Passed'
check "the Dockerfile did not change again" cmp -s Dockerfile "$work/Dockerfile.fixed"

echo
if [ "$failures" -ne 0 ]; then
  echo "verify.sh: $failures check(s) failed"
  exit 1
fi
echo "verify.sh: all checks passed"
