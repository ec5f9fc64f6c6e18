# shellcheck shell=bash
# Consistent buildah settings for every whittle benchmark script. Source it, don't run it:
#
#   source "$(dirname "$0")/base-images/buildah-env.sh"
#   $BUILDAH images                          # a string: fine for roots without spaces
#   buildah "${BUILDAH_ARGS[@]}" images      # an array: always safe
#   buildah images                           # also works: the exports below point plain
#                                            # `buildah` (and its children) at the same store
#
# What it sets:
#   WHITTLE_BUILDAH_ROOT     folder of whittle's own container store (default /var/lib/whittle-buildah);
#                            kept apart from /var/lib/containers so nothing else on the machine is touched
#   WHITTLE_STORAGE_DRIVER   overlay or vfs. Taken from WHITTLE_STORAGE_DRIVER, else STORAGE_DRIVER, else
#                            the driver the store was created with, else probed once: overlay if a
#                            container can be mounted and written with it here, otherwise vfs
#   BUILDAH_ARGS             (array) --root, --runroot, --storage-driver
#   BUILDAH                  "buildah" followed by BUILDAH_ARGS, as one string
#   BUILDAH_BUILD_ARGS       (array) options for `buildah build`: chroot isolation, layer cache, never pull,
#                            no containers left behind by failed builds (--force-rm),
#                            docker format (with the default OCI format buildah IGNORES `SHELL` in RUNs)
#   exports                  CONTAINERS_STORAGE_CONF (a storage.conf written into the root), STORAGE_DRIVER,
#                            BUILDAH_ISOLATION=chroot, BUILDAH_LAYERS=true, BUILDAH_FORMAT=docker
#   whittle_buildah_ready    function: 0 if buildah is installed and the store is usable
#
# Sourcing never exits the caller's shell and does not change its `set` options.

WHITTLE_BUILDAH_ROOT=${WHITTLE_BUILDAH_ROOT:-/var/lib/whittle-buildah}
WHITTLE_BUILDAH_GRAPHROOT="$WHITTLE_BUILDAH_ROOT/storage"
WHITTLE_BUILDAH_RUNROOT=${WHITTLE_BUILDAH_RUNROOT:-/run/whittle-buildah}

# Prints overlay or vfs: the first driver with which buildah can create, mount and write a scratch
# container on the file system of WHITTLE_BUILDAH_ROOT. Uses a throwaway store; cleans it up.
whittle_buildah_probe_driver() {
    local probe driver ctr mnt ok
    for driver in overlay vfs; do
        probe=$(mktemp -d "$WHITTLE_BUILDAH_ROOT/.probe.XXXXXX") || return 1
        ok=no
        if ctr=$(buildah --root "$probe/g" --runroot "$probe/r" --storage-driver "$driver" \
                     from scratch 2>/dev/null) &&
           mnt=$(buildah --root "$probe/g" --runroot "$probe/r" --storage-driver "$driver" \
                     mount "$ctr" 2>/dev/null) &&
           echo probe > "$mnt/probe" 2>/dev/null; then
            ok=yes
        fi
        buildah --root "$probe/g" --runroot "$probe/r" --storage-driver "$driver" \
            rm -a >/dev/null 2>&1 || true
        # an overlay mount left behind would make rm -rf fail; unmount anything under the probe
        if command -v findmnt >/dev/null; then
            findmnt -rn -o TARGET | grep -F "$probe/" | sort -r | while read -r m; do
                umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
            done || true
        fi
        rm -rf "$probe" 2>/dev/null || true
        if [ "$ok" = yes ]; then echo "$driver"; return 0; fi
    done
    return 1
}

whittle_buildah_pick_driver() {
    if [ -n "${WHITTLE_STORAGE_DRIVER:-}" ]; then echo "$WHITTLE_STORAGE_DRIVER"; return; fi
    if [ -n "${STORAGE_DRIVER:-}" ]; then echo "$STORAGE_DRIVER"; return; fi
    # a store keeps the driver it was created with; containers/storage names its folders after it
    local d
    for d in overlay vfs; do
        if [ -d "$WHITTLE_BUILDAH_GRAPHROOT/$d-layers" ]; then echo "$d"; return; fi
    done
    if command -v buildah >/dev/null 2>&1 && [ "$(id -u)" = 0 ] &&
       mkdir -p "$WHITTLE_BUILDAH_ROOT" 2>/dev/null; then
        whittle_buildah_probe_driver && return
    fi
    echo overlay
}

WHITTLE_STORAGE_DRIVER=$(whittle_buildah_pick_driver)

BUILDAH_ARGS=(--root "$WHITTLE_BUILDAH_GRAPHROOT" --runroot "$WHITTLE_BUILDAH_RUNROOT"
              --storage-driver "$WHITTLE_STORAGE_DRIVER")
# shellcheck disable=SC2034 # for the scripts that source this file
BUILDAH="buildah ${BUILDAH_ARGS[*]}"
# shellcheck disable=SC2034
BUILDAH_BUILD_ARGS=(--isolation chroot --layers --force-rm --pull=never --format docker)

export WHITTLE_BUILDAH_ROOT WHITTLE_STORAGE_DRIVER
export STORAGE_DRIVER="$WHITTLE_STORAGE_DRIVER"
export BUILDAH_ISOLATION=chroot
export BUILDAH_LAYERS=true
export BUILDAH_FORMAT=docker

# storage.conf for plain `buildah` calls; rewritten only when it changes
if mkdir -p "$WHITTLE_BUILDAH_ROOT" 2>/dev/null; then
    _whittle_conf="$WHITTLE_BUILDAH_ROOT/storage.conf"
    _whittle_want="# written by whittle Benchmarks/base-images/buildah-env.sh
[storage]
driver = \"$WHITTLE_STORAGE_DRIVER\"
runroot = \"$WHITTLE_BUILDAH_RUNROOT\"
graphroot = \"$WHITTLE_BUILDAH_GRAPHROOT\""
    if [ "$(cat "$_whittle_conf" 2>/dev/null)" != "$_whittle_want" ]; then
        printf '%s\n' "$_whittle_want" > "$_whittle_conf.tmp.$$" 2>/dev/null &&
            mv -f "$_whittle_conf.tmp.$$" "$_whittle_conf" 2>/dev/null
    fi
    if [ -f "$_whittle_conf" ]; then export CONTAINERS_STORAGE_CONF="$_whittle_conf"; fi
    unset _whittle_conf _whittle_want
fi

whittle_buildah_ready() {
    command -v buildah >/dev/null 2>&1 && buildah "${BUILDAH_ARGS[@]}" images -q >/dev/null 2>&1
}
