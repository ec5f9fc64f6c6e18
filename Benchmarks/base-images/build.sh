#!/usr/bin/env bash
# Builds whittle's local stand-ins for the official debian, python, golang and gcc images from
# Debian bookworm's own packages (debootstrap + buildah), so that benchmark builds run with no
# registry. They are NOT the official images; see README.md next to this script.
#
#   localhost/whittle-base/debian:bookworm        minbase root, apt working
#   localhost/whittle-base/debian:bookworm-slim   the same without docs, man pages, locales
#   localhost/whittle-base/python:3.11            bookworm + python3, pip, venv, build tools
#   localhost/whittle-base/python:3.11-slim       bookworm-slim + python3, pip, venv
#   localhost/whittle-base/golang:1.19            bookworm + Debian's golang-go (Go 1.19)
#   localhost/whittle-base/gcc:12                 bookworm + gcc 12, g++, make, libc6-dev
#
# Usage: Benchmarks/base-images/build.sh [--check | --rebuild | --refresh | --remove] [IMAGE...]
#   (no option)  build what is missing (a second run takes seconds)
#   --check      only report what is present; exit 0 if everything is, 1 if not; builds nothing
#   --rebuild    rebuild the images (reusing the cached debootstrap root)
#   --refresh    also run debootstrap again (new packages from the mirror)
#   --remove     remove the images (the debootstrap cache stays; see README.md)
#   IMAGE        limit to these, e.g. python:3.11 (their parents are built when missing)
#
# Exits 0 with "SKIPPED: <reason>" when it cannot work here (not root, buildah/debootstrap missing
# and not installable, mirror unreachable, no usable storage driver): callers decide what that means.
#
# Environment:
#   WHITTLE_BASE_CACHE     cache folder (default $XDG_CACHE_HOME/whittle-base, else /var/tmp/whittle-base-cache)
#   WHITTLE_DEBIAN_MIRROR  Debian mirror (default: the host's if it runs Debian, else http://deb.debian.org/debian)
#   WHITTLE_BUILDAH_ROOT, WHITTLE_STORAGE_DRIVER   see buildah-env.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PREFIX=localhost/whittle-base
SUITE=bookworm
# build order: parents first
ALL_IMAGES=(debian:bookworm debian:bookworm-slim python:3.11 python:3.11-slim golang:1.19 gcc:12)
declare -A PARENT=(
    [debian:bookworm]="" [debian:bookworm-slim]=""
    [python:3.11]=debian:bookworm [python:3.11-slim]=debian:bookworm-slim
    [golang:1.19]=debian:bookworm [gcc:12]=debian:bookworm
)
DEFAULT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

mode=build
wanted=()
for arg in "$@"; do
    case "$arg" in
        --check) mode=check ;;
        --rebuild) mode=rebuild ;;
        --refresh) mode=refresh ;;
        --remove) mode=remove ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
        *) arg=${arg#"$PREFIX/"}
           [ -n "${PARENT[$arg]+x}" ] || { echo "unknown image: $arg (one of: ${ALL_IMAGES[*]})" >&2; exit 2; }
           wanted+=("$arg") ;;
    esac
done
[ ${#wanted[@]} -gt 0 ] || wanted=("${ALL_IMAGES[@]}")

t_start=$(date +%s)
log() { printf '[%4ss] %s\n' "$(( $(date +%s) - t_start ))" "$*"; }
skip() { echo "SKIPPED: $*"; exit 0; }
die() { echo "error: $*" >&2; exit 1; }

if [ -n "${WHITTLE_BASE_CACHE:-}" ]; then CACHE=$WHITTLE_BASE_CACHE
elif [ -n "${XDG_CACHE_HOME:-}" ]; then CACHE=$XDG_CACHE_HOME/whittle-base
else CACHE=/var/tmp/whittle-base-cache
fi
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/')
TARBALL=$CACHE/debian-$SUITE-minbase-$ARCH.tar

# ---------------------------------------------------------------------------------------------
# what the host looks like

host_is_bookworm() {
    [ -r /etc/os-release ] && (. /etc/os-release; [ "${ID:-}" = debian ] && [ "${VERSION_CODENAME:-}" = "$SUITE" ])
}

mirror() {
    if [ -n "${WHITTLE_DEBIAN_MIRROR:-}" ]; then echo "$WHITTLE_DEBIAN_MIRROR"; return; fi
    local uri=""
    if host_is_bookworm; then
        uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
              awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')
        [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 ~ / '"$SUITE"' / { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
                               /etc/apt/sources.list 2>/dev/null)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

# the host's apt proxy, if any, for debootstrap (which fetches with wget)
host_apt_proxy() { apt-config dump 2>/dev/null | awk -F'"' '/^Acquire::http::Proxy /{ print $2; exit }'; }

image_ref() { echo "$PREFIX/$1"; }

image_exists() { buildah "${BUILDAH_ARGS[@]}" inspect --type image "$(image_ref "$1")" >/dev/null 2>&1; }

image_size() {
    buildah "${BUILDAH_ARGS[@]}" images --format '{{.Name}}:{{.Tag}} {{.Size}}' 2>/dev/null |
        awk -v ref="$(image_ref "$1")" '$1 == ref { $1 = ""; sub(/^ /, ""); print; exit }'
}

# ---------------------------------------------------------------------------------------------
# --check

if [ "$mode" = check ]; then
    missing=0
    for tool in buildah debootstrap; do
        if command -v "$tool" >/dev/null; then echo "present  $tool ($("$tool" --version 2>&1 | head -1))"
        else echo "MISSING  $tool"; missing=1; fi
    done
    # shellcheck source=buildah-env.sh
    source "$here/buildah-env.sh"
    echo "store    $WHITTLE_BUILDAH_ROOT (driver $WHITTLE_STORAGE_DRIVER)"
    if [ -f "$TARBALL" ]; then echo "present  $TARBALL ($(du -h "$TARBALL" | cut -f1))"
    else echo "MISSING  $TARBALL (debootstrap cache; only needed to (re)build images)"; fi
    for name in "${wanted[@]}"; do
        if command -v buildah >/dev/null && image_exists "$name"; then
            echo "present  $(image_ref "$name") ($(image_size "$name"))"
        else echo "MISSING  $(image_ref "$name")"; missing=1; fi
    done
    [ $missing = 0 ] && echo "everything is present" || echo "something is missing: run $0"
    exit $missing
fi

# ---------------------------------------------------------------------------------------------
# preconditions

[ "$(id -u)" = 0 ] || skip "needs root (debootstrap and buildah's chroot isolation); run it with sudo"

need=()
command -v buildah >/dev/null || need+=(buildah)
command -v debootstrap >/dev/null || need+=(debootstrap)
[ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || need+=(debian-archive-keyring)
if [ ${#need[@]} -gt 0 ] && [ "$mode" != remove ]; then
    command -v apt-get >/dev/null || skip "${need[*]} not installed and there is no apt-get to install them"
    log "installing ${need[*]} with apt-get"
    aptlog=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >"$aptlog" 2>&1; then
        tail -5 "$aptlog" | sed 's/^/    /'
        rm -f "$aptlog"
        skip "could not install ${need[*]} (no network or no package source?)"
    fi
    rm -f "$aptlog"
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
    log "another build.sh is running; waiting for it"
    flock 9
fi

# shellcheck source=buildah-env.sh
source "$here/buildah-env.sh"
whittle_buildah_ready || skip "buildah cannot open its store at $WHITTLE_BUILDAH_ROOT (driver $WHITTLE_STORAGE_DRIVER)"
log "buildah $(buildah --version | awk '{print $3}'), store $WHITTLE_BUILDAH_ROOT, driver $WHITTLE_STORAGE_DRIVER, isolation chroot"

# ---------------------------------------------------------------------------------------------
# --remove / --rebuild

if [ "$mode" = remove ]; then
    for name in "${wanted[@]}"; do
        if image_exists "$name"; then
            buildah "${BUILDAH_ARGS[@]}" rmi "$(image_ref "$name")" >/dev/null && log "removed $(image_ref "$name")"
        fi
    done
    buildah "${BUILDAH_ARGS[@]}" rmi --prune >/dev/null 2>&1 || true
    log "done (debootstrap cache kept in $CACHE)"
    exit 0
fi

if [ "$mode" = refresh ]; then rm -f "$TARBALL"; fi

# the images to build: the wanted ones, their missing parents, and with --rebuild/--refresh all wanted
declare -A todo=()
for name in "${wanted[@]}"; do
    if [ "$mode" != build ] || ! image_exists "$name"; then todo[$name]=1; fi
    p=${PARENT[$name]}
    if [ -n "$p" ] && ! image_exists "$p"; then todo[$p]=1; fi
done
# a rebuilt parent makes its children stale
for name in "${ALL_IMAGES[@]}"; do
    p=${PARENT[$name]}
    if [ -n "$p" ] && [ -n "${todo[$p]:-}" ] && image_exists "$name"; then todo[$name]=1; fi
done

if [ ${#todo[@]} -eq 0 ]; then
    for name in "${wanted[@]}"; do log "present  $(image_ref "$name")  $(image_size "$name")"; done
    log "nothing to do"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# working containers and roots are removed on any exit

containers=()
rootfs_dir=""
cleanup() {
    local c
    for c in "${containers[@]}"; do buildah "${BUILDAH_ARGS[@]}" rm "$c" >/dev/null 2>&1 || true; done
    if [ -n "$rootfs_dir" ] && [ -d "$rootfs_dir" ]; then
        findmnt -rn -o TARGET | grep -F "$rootfs_dir/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
        rm -rf "$rootfs_dir"
    fi
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# the debootstrap root, cached as a tarball

make_tarball() {
    local m proxy
    m=$(mirror)
    if ! { command -v curl >/dev/null && curl -fsS -o /dev/null --max-time 30 "$m/dists/$SUITE/Release" 2>/dev/null; } &&
       ! { command -v wget >/dev/null && wget -q -O /dev/null --timeout=30 "$m/dists/$SUITE/Release"; }; then
        skip "Debian mirror $m is not reachable (no network?) and there is no cached root at $TARBALL"
    fi
    proxy=$(host_apt_proxy)
    rootfs_dir=$CACHE/rootfs.tmp
    rm -rf "$rootfs_dir"
    log "debootstrap --variant=minbase $SUITE from $m${proxy:+ (proxy $proxy)} (a few minutes)"
    if ! http_proxy=${proxy:-${http_proxy:-}} debootstrap --variant=minbase --arch="$ARCH" \
            --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
            "$SUITE" "$rootfs_dir" "$m" >"$CACHE/debootstrap.log" 2>&1; then
        tail -20 "$CACHE/debootstrap.log" | sed 's/^/    /'
        die "debootstrap failed; full log in $CACHE/debootstrap.log"
    fi
    # what a container image does not carry: downloaded packages, indexes, logs, host identity
    rm -rf "$rootfs_dir"/var/cache/apt/archives/*.deb "$rootfs_dir"/var/cache/apt/*.bin \
           "$rootfs_dir"/var/lib/apt/lists/* "$rootfs_dir"/var/log/*.log "$rootfs_dir"/var/log/apt/* \
           "$rootfs_dir"/var/cache/ldconfig/aux-cache "$rootfs_dir"/tmp/* "$rootfs_dir"/var/tmp/* \
           "$rootfs_dir"/etc/hostname "$rootfs_dir"/etc/resolv.conf "$rootfs_dir"/etc/machine-id \
           "$rootfs_dir"/etc/apt/sources.list
    mkdir -p "$rootfs_dir"/var/lib/apt/lists/partial
    tar --numeric-owner --xattrs --xattrs-include='*' -C "$rootfs_dir" \
        --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
        -cf "$TARBALL.tmp" .
    mv -f "$TARBALL.tmp" "$TARBALL"
    rm -rf "$rootfs_dir"; rootfs_dir=""
    log "cached $TARBALL ($(du -h "$TARBALL" | cut -f1))"
}

if [ -n "${todo[debian:bookworm]:-}${todo[debian:bookworm-slim]:-}" ] && [ ! -f "$TARBALL" ]; then
    make_tarball
fi

# ---------------------------------------------------------------------------------------------
# helpers for building one image

new_container() {    # new_container FROM → prints the container id; tracked for cleanup
    local c
    c=$(buildah "${BUILDAH_ARGS[@]}" from --pull=never --quiet --format docker "$1")
    containers+=("$c")
    echo "$c"
}

in_container() {     # in_container CTR SCRIPT: run a shell script inside (chroot isolation, host network)
    local c=$1; shift
    buildah "${BUILDAH_ARGS[@]}" run --isolation chroot "$c" -- /bin/sh -ec "$1"
}

commit() {           # commit CTR NAME
    local c=$1 name=$2 old
    old=$(buildah "${BUILDAH_ARGS[@]}" images -q "$(image_ref "$name")" 2>/dev/null || true)
    buildah "${BUILDAH_ARGS[@]}" commit --quiet --rm --format docker "$c" "$(image_ref "$name")" >/dev/null
    containers=("${containers[@]/$c}")
    # an image replaced by --rebuild stays as <none> until nothing uses it; drop it if it can go
    if [ -n "$old" ]; then buildah "${BUILDAH_ARGS[@]}" rmi "$old" >/dev/null 2>&1 || true; fi
}

apt_install() {      # apt_install CTR PACKAGE...: no recommends, lists removed in the same layer
    local c=$1; shift
    in_container "$c" "export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends $* >/dev/null
        rm -rf /var/lib/apt/lists/*" 2> >(grep -v '^debconf: delaying package configuration' >&2)
}

# apt and dpkg settings of the official images (debuerreotype's), written by hand here
write_docker_tweaks() {
    local r=$1
    printf '#!/bin/sh\n# no service starts during image builds\nexit 101\n' > "$r/usr/sbin/policy-rc.d"
    chmod 0755 "$r/usr/sbin/policy-rc.d"
    printf '# images are rebuilt, not recovered: skip fsync during unpacking\nforce-unsafe-io\n' \
        > "$r/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
    cat > "$r/etc/apt/apt.conf.d/docker-clean" <<'EOF'
// Drop downloaded packages and apt's binary caches after every install (like the official images)
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
    echo 'Acquire::GzipIndexes "true";' > "$r/etc/apt/apt.conf.d/docker-gzip-indexes"
    echo 'Acquire::Languages "none";' > "$r/etc/apt/apt.conf.d/docker-no-languages"
    echo 'Apt::AutoRemove::SuggestsImportant "false";' > "$r/etc/apt/apt.conf.d/docker-autoremove-suggests"
    chmod 0644 "$r"/etc/apt/apt.conf.d/docker-* "$r/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
}

# apt inside builds reaches Debian the way the host does: the host's sources (if it runs bookworm)
# and the host's network-related apt settings (proxy, TLS, snapshot validity)
write_host_apt_config() {
    local r=$1 f copied=()
    if host_is_bookworm && ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
        for f in /etc/apt/sources.list.d/*.sources; do
            grep -q '/debian' "$f" && install -m 0644 "$f" "$r/etc/apt/sources.list.d/" && copied+=("$f")
        done
        [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list &&
            install -m 0644 /etc/apt/sources.list "$r/etc/apt/" && copied+=(/etc/apt/sources.list)
    fi
    if [ ${#copied[@]} -eq 0 ]; then
        cat > "$r/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $(mirror)
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $(mirror | sed 's,/debian/*$,/debian-security,')
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
        copied+=("(generated debian.sources for $(mirror))")
    fi
    for f in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
        [ -f "$f" ] || continue
        case "$(basename "$f")" in docker-*) continue ;; esac
        if grep -Eiq '::Proxy|Check-Valid-Until|Check-Date|Acquire::(https?|Retries|ForceIPv4|ForceIPv6)' "$f"; then
            install -m 0644 "$f" "$r/etc/apt/apt.conf.d/$(basename "$f")"
            copied+=("$f")
        fi
    done
    log "  apt config from the host: ${copied[*]}"
}

# the host's own certificate authorities (those outside Debian's ca-certificates), so that a build
# that installs ca-certificates trusts what the host trusts
write_host_cas() {
    local r=$1 n=0 f
    mkdir -p "$r/usr/local/share/ca-certificates"
    for f in /usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt; do
        [ -f "$f" ] || continue
        install -D -m 0644 "$f" "$r/usr/local/share/ca-certificates/${f#/usr/local/share/ca-certificates/}"
        n=$((n + 1))
    done
    log "  $n local CA certificate(s) from /usr/local/share/ca-certificates"
}

# the host's pip settings (files, then PIP_* variables), minus host-only paths; the certificate is
# the image's own bundle, which carries the host's local CAs
host_pip_conf() {
    local bundle=/etc/ssl/certs/ca-certificates.crt
    echo "# Written by whittle's Benchmarks/base-images/build.sh: the build host's pip settings, so that"
    echo "# pip in a build reaches the same index with the same TLS trust (host-only paths left out)."
    echo "[global]"
    echo "cert = $bundle"
    command -v python3 >/dev/null || return 0
    python3 - <<'PY'
import configparser, os
keep = {"index-url", "extra-index-url", "trusted-host", "timeout", "default-timeout", "retries",
        "disable-pip-version-check", "proxy", "progress-bar"}
vals = {}
home = os.path.expanduser("~")
files = ["/etc/xdg/pip/pip.conf", "/etc/pip.conf", os.path.join(home, ".pip/pip.conf"),
         os.path.join(os.environ.get("XDG_CONFIG_HOME", os.path.join(home, ".config")), "pip/pip.conf")]
if os.environ.get("PIP_CONFIG_FILE"):
    files.append(os.environ["PIP_CONFIG_FILE"])
for path in files:
    cp = configparser.RawConfigParser()
    try:
        cp.read(path)
    except configparser.Error:
        continue
    for section in ("global", "install"):
        if cp.has_section(section):
            for k, v in cp.items(section):
                k = k.replace("_", "-")
                if k in keep:
                    vals[k] = v
for k, v in os.environ.items():
    if k.startswith("PIP_"):
        k = k[4:].lower().replace("_", "-")
        if k in keep:
            vals[k] = v
if "timeout" in vals and "default-timeout" in vals:
    del vals["timeout"]
for k in sorted(vals):
    print(f"{k} = {vals[k]}")
PY
}

# Debian's own dpkg excludes of the official slim images
SLIM_EXCLUDES=(/usr/share/doc /usr/share/groff /usr/share/info /usr/share/linda
               /usr/share/lintian/overrides /usr/share/locale /usr/share/man)
SLIM_KEEP=('/usr/share/doc/*/copyright' /usr/share/locale/locale.alias /usr/share/locale/all_languages
           /usr/share/locale/languages '/usr/share/locale/currency/*' '/usr/share/locale/l10n/*')

slimify() {
    local r=$1 d k keep_args=()
    {
        echo "# slim image: dpkg leaves out documentation, man pages and translations"
        for d in "${SLIM_EXCLUDES[@]}"; do echo "path-exclude $d/*"; done
        for k in "${SLIM_KEEP[@]}"; do echo "path-include $k"; done
    } > "$r/etc/dpkg/dpkg.cfg.d/docker"
    for k in "${SLIM_KEEP[@]}"; do keep_args+=(! -path "$r$k"); done
    for d in "${SLIM_EXCLUDES[@]}"; do
        [ -d "$r$d" ] || continue
        find "$r$d" -mindepth 1 ! -type d "${keep_args[@]}" -delete
        find "$r$d" -mindepth 1 -depth -type d -empty -delete
    done
}

labels() {           # labels CTR WHAT
    buildah "${BUILDAH_ARGS[@]}" config \
        --label "org.opencontainers.image.description=whittle local stand-in for the official $2 image, built from Debian $SUITE packages; not the official image" \
        --label "org.opencontainers.image.source=whittle Benchmarks/base-images/build.sh" \
        --label "org.opencontainers.image.created=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
        --author "whittle Benchmarks/base-images/build.sh" \
        --created-by "whittle Benchmarks/base-images/build.sh" "$1"
}

# ---------------------------------------------------------------------------------------------
# the images

build_debian() {     # build_debian NAME slim|full
    local name=$1 variant=$2 c r
    c=$(new_container scratch)
    r=$(buildah "${BUILDAH_ARGS[@]}" mount "$c")
    tar --numeric-owner --xattrs --xattrs-include='*' -xpf "$TARBALL" -C "$r"
    write_docker_tweaks "$r"
    write_host_apt_config "$r"
    write_host_cas "$r"
    if [ "$variant" = slim ]; then slimify "$r"; fi
    buildah "${BUILDAH_ARGS[@]}" umount "$c" >/dev/null
    buildah "${BUILDAH_ARGS[@]}" config --os linux --arch "$ARCH" --env PATH=$DEFAULT_PATH \
        --workingdir / --cmd '["bash"]' "$c"
    labels "$c" "debian:$SUITE$([ "$variant" = slim ] && echo -slim)"
    commit "$c" "$name"
}

# roughly buildpack-deps:bookworm (which the official python, golang and gcc images start from),
# without its long list of -dev libraries
BUILDPACK=(ca-certificates curl wget gnupg netbase git openssh-client procps xz-utils bzip2 unzip
           file patch make gcc g++ libc6-dev dpkg-dev pkg-config)

# does the image's CA bundle trust the host's local CAs? (Debian's own set may be newer than the
# host's: ca-certificates comes from the mirror's current bookworm point release)
check_bundle() {
    local c=$1 r f n=0 missing=()
    r=$(buildah "${BUILDAH_ARGS[@]}" mount "$c")
    for f in /usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        if grep -v -e '-----' "$f" | grep -Fxvq -f "$r/etc/ssl/certs/ca-certificates.crt"; then
            missing+=("$(basename "$f")")
        fi
    done
    log "  CA bundle: $(grep -c BEGIN "$r/etc/ssl/certs/ca-certificates.crt") certificates, with $((n - ${#missing[@]})) of the host's $n local CAs"
    buildah "${BUILDAH_ARGS[@]}" umount "$c" >/dev/null
    [ ${#missing[@]} -eq 0 ] || die "the image's CA bundle lacks the host's ${missing[*]}"
}

build_python() {     # build_python NAME slim|full
    local name=$1 variant=$2 c r pkgs version
    pkgs=(python3 python3-pip python3-venv python-is-python3 ca-certificates netbase tzdata)
    if [ "$variant" = full ]; then
        mapfile -t pkgs < <(printf '%s\n' "${pkgs[@]}" "${BUILDPACK[@]}" python3-dev libffi-dev libssl-dev | awk '!seen[$0]++')
    fi
    c=$(new_container "$(image_ref "${PARENT[$name]}")")
    log "  apt-get install ${pkgs[*]}"
    apt_install "$c" "${pkgs[*]}"
    r=$(buildah "${BUILDAH_ARGS[@]}" mount "$c")
    host_pip_conf > "$r/etc/pip.conf"
    chmod 0644 "$r/etc/pip.conf"
    log "  /etc/pip.conf: $(grep -v '^#' "$r/etc/pip.conf" | grep '=' | cut -d' ' -f1 | tr '\n' ' ')"
    buildah "${BUILDAH_ARGS[@]}" umount "$c" >/dev/null
    # PEP 668: Debian marks its python as externally managed; the official image's python is not.
    # A dpkg diversion keeps the marker away even when a later apt-get upgrades python3.11.
    # shellcheck disable=SC2016 # expanded inside the container
    version=$(in_container "$c" '
        marker=$(python3 -c "import sysconfig; print(sysconfig.get_path(\"stdlib\"))")/EXTERNALLY-MANAGED
        dpkg-divert --local --rename --divert "$marker.whittle-disabled" --add "$marker" >/dev/null
        test ! -e "$marker"
        python3 -c "import platform; print(platform.python_version())"')
    check_bundle "$c"
    log "  python $version, $(in_container "$c" 'pip --version' | awk '{print "pip", $2}')"
    buildah "${BUILDAH_ARGS[@]}" config --env PATH=$DEFAULT_PATH --env LANG=C.UTF-8 \
        --env PYTHON_VERSION="$version" --workingdir / --cmd '["python3"]' "$c"
    labels "$c" "python:3.11$([ "$variant" = slim ] && echo -slim)"
    commit "$c" "$name"
}

build_golang() {
    local name=$1 c version
    c=$(new_container "$(image_ref "${PARENT[$name]}")")
    log "  apt-get install golang-go ${BUILDPACK[*]}"
    apt_install "$c" "golang-go ${BUILDPACK[*]}"
    # Dockerfiles written for the official image call /usr/local/go/bin/go and use GOPATH=/go
    # shellcheck disable=SC2016 # expanded inside the container
    version=$(in_container "$c" '
        ln -sfn "$(go env GOROOT)" /usr/local/go
        mkdir -p /go/src /go/bin && chmod -R 1777 /go
        go env GOVERSION | sed s/^go//')
    log "  go $version (GOROOT /usr/local/go -> $(in_container "$c" 'readlink /usr/local/go'))"
    check_bundle "$c"
    buildah "${BUILDAH_ARGS[@]}" config --env GOLANG_VERSION="$version" --env GOPATH=/go \
        --env GOTOOLCHAIN=local --env PATH=/go/bin:/usr/local/go/bin:$DEFAULT_PATH \
        --workingdir /go --cmd '["bash"]' "$c"
    labels "$c" "golang:1.19"
    commit "$c" "$name"
}

build_gcc() {
    local name=$1 c version
    c=$(new_container "$(image_ref "${PARENT[$name]}")")
    log "  apt-get install ${BUILDPACK[*]}"
    apt_install "$c" "${BUILDPACK[*]}"
    version=$(in_container "$c" 'gcc -dumpfullversion')
    log "  gcc $version, $(in_container "$c" 'make --version | head -1')"
    check_bundle "$c"
    buildah "${BUILDAH_ARGS[@]}" config --env PATH=$DEFAULT_PATH --env GCC_VERSION="$version" \
        --workingdir / --cmd '["bash"]' "$c"
    labels "$c" "gcc:12"
    commit "$c" "$name"
}

built=()
for name in "${ALL_IMAGES[@]}"; do
    [ -n "${todo[$name]:-}" ] || continue
    t0=$(date +%s)
    log "building $(image_ref "$name")"
    case "$name" in
        debian:bookworm) build_debian "$name" full ;;
        debian:bookworm-slim) build_debian "$name" slim ;;
        python:3.11) build_python "$name" full ;;
        python:3.11-slim) build_python "$name" slim ;;
        golang:1.19) build_golang "$name" ;;
        gcc:12) build_gcc "$name" ;;
    esac
    log "built    $(image_ref "$name")  $(image_size "$name")  in $(( $(date +%s) - t0 ))s"
    built+=("$name")
done

echo
for name in "${ALL_IMAGES[@]}"; do
    image_exists "$name" || continue
    state=present
    [[ " ${built[*]} " == *" $name "* ]] && state=built
    printf '%-8s %-44s %s\n' "$state" "$(image_ref "$name")" "$(image_size "$name")"
done
log "done"
