#!/usr/bin/env bash
# Runs .ci/run the way CI runs it on a new machine: in a fresh Debian 12 (bookworm) root made with
# debootstrap that has only Java 17, Maven and git, on a clean clone of this repository's HEAD with
# ../shared beside it, and an empty ~/.m2. Whatever .ci/run (or a test) needs beyond that, the
# project's own scripts must install: a missing install step fails here as it would in CI.
#
# It also fails when any test was skipped (a test that aborts because a program is missing is
# silently "green" otherwise).
#
# Needs root (debootstrap, chroot, bind mounts) and the network this machine has (Debian's packages,
# Maven Central, npm). The base root (debootstrap + JDK + Maven + git) is built once and cached as a
# tarball; every run unpacks a new copy of it, so nothing of an earlier run is left.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/fresh-machine-check.sh [--ref COMMIT] [--rebuild-base] [--keep]

Runs .ci/run on a clean clone of HEAD inside a fresh Debian 12 root with only Java 17, Maven and git.
Commit first: uncommitted changes are not part of the clone.

  --ref COMMIT    check this commit instead of HEAD (e.g. to see an older one fail)
  --rebuild-base  build the cached base root again (debootstrap + openjdk-17-jdk-headless + maven + git)
  --keep          keep the root afterwards (its path is printed), to look at logs and test reports
  -h, --help      this text

Environment:
  MESHWATCH_FRESH_CACHE  where the base root tarball is kept (default /var/cache/meshwatch/fresh-machine)
  MESHWATCH_FRESH_TMP    where the fresh root is unpacked (default /var/tmp)
EOF
}

rebuild=false
keep=false
ref=HEAD
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) [ $# -ge 2 ] || { echo "fresh-machine-check: --ref needs a commit" >&2; exit 2; }; ref=$2; shift ;;
    --rebuild-base) rebuild=true ;;
    --keep) keep=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fresh-machine-check: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || { echo "fresh-machine-check: needs root (debootstrap, chroot, mount)" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared
[ -d "$shared" ] || { echo "fresh-machine-check: $shared missing: CI has ../shared beside the clone" >&2; exit 1; }
commit=$(git -C "$repo" rev-parse --verify "$ref^{commit}") || { echo "fresh-machine-check: no commit '$ref'" >&2; exit 2; }
if [ "$ref" = HEAD ] && [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh-machine-check: warning: uncommitted changes are not checked (the clone is of HEAD $(git -C "$repo" rev-parse --short HEAD))" >&2
fi

cache=${MESHWATCH_FRESH_CACHE:-/var/cache/meshwatch/fresh-machine}
base=$cache/bookworm-jdk17-maven.tar.gz
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

mounted=()
mount_into() { # mount_into ROOT [FS...]: bind the host's kernel file systems a build needs
  local root=$1
  shift
  for fs in "$@"; do
    mkdir -p "$root/$fs"
    mount --bind "/$fs" "$root/$fs"
    mounted+=("$root/$fs")
  done
}
unmount_all() {
  local i
  for ((i=${#mounted[@]}-1; i>=0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
  mounted=()
}

build_base() {
  command -v debootstrap >/dev/null || {
    echo "fresh-machine-check: installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  local work
  work=$(mktemp -d "${MESHWATCH_FRESH_TMP:-/var/tmp}/meshwatch-base.XXXXXX")
  echo "fresh-machine-check: building the base root with debootstrap from $mirror (a few minutes, once)"
  debootstrap --variant=minbase bookworm "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  cp /etc/resolv.conf "$work/root/etc/resolv.conf"
  mount_into "$work/root" proc sys dev dev/pts
  chroot "$work/root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    bash -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven git >/dev/null && apt-get clean'
  unmount_all
  mkdir -p "$cache"
  tar -C "$work/root" -czf "$base.tmp" .
  mv "$base.tmp" "$base"
  rm -rf "$work"
}

if $rebuild || [ ! -f "$base" ]; then
  build_base
fi

root=$(mktemp -d "${MESHWATCH_FRESH_TMP:-/var/tmp}/meshwatch-fresh.XXXXXX")
cleanup() {
  unmount_all
  if $keep; then echo "fresh-machine-check: root kept at $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT

tar -C "$root" -xzf "$base"
mkdir -p "$root/work"
git clone --quiet --no-hardlinks --no-checkout "$repo" "$root/work/main"
git -C "$root/work/main" checkout --quiet --detach "$commit"
cp -a "$shared" "$root/work/shared"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# /proc is the run's own: it runs in a PID namespace of its own, as on a machine of its own, where
# nothing else can signal its processes and it sees none of this machine's.
mount_into "$root" sys dev dev/pts
# What this kind of machine is given at boot, not by the project: the network's name servers (above)
# and the certificate authorities its egress needs, without which Maven Central's TLS cannot be checked.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin update-ca-certificates >/dev/null
fi

echo "fresh-machine-check: running .ci/run at ${commit:0:7} in a fresh Debian 12 root ($root)"
start=$SECONDS
set +e
unshare --pid --fork --mount-proc="$root/proc" chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  bash -c 'cd /work/main && .ci/run' 2>&1 | tee "$root/ci-run.log"
rc=${PIPESTATUS[0]}
set -e
elapsed=$((SECONDS - start))

skipped=$(grep -lE 'skipped="[1-9]' "$root"/work/main/*/target/surefire-reports/TEST-*.xml 2>/dev/null || true)
if [ "$rc" -ne 0 ] || [ -n "$skipped" ]; then
  # The reports outlive the root, for a look afterwards.
  last=${MESHWATCH_FRESH_TMP:-/var/tmp}/meshwatch-fresh-last
  rm -rf "$last" && mkdir -p "$last"
  cp "$root/ci-run.log" "$last/"
  for module in "$root"/work/main/*/target/surefire-reports; do
    [ -d "$module" ] && cp -r "$module" "$last/$(basename "$(dirname "$(dirname "$module")")")-surefire-reports"
  done
  echo "fresh-machine-check: the log and test reports are in $last" >&2
fi
if [ "$rc" -ne 0 ]; then
  echo "fresh-machine-check: FAILED: .ci/run exited $rc after ${elapsed}s" >&2
  exit "$rc"
fi
if [ -n "$skipped" ]; then
  echo "fresh-machine-check: FAILED: .ci/run passed but tests were skipped (a missing program?):" >&2
  for report in $skipped; do
    echo "  $(basename "$report" .xml | sed 's/^TEST-//'):" >&2
    grep -B1 '<skipped' "$report" | grep -oE 'name="[^"]*"|message="[^"]*"' | sed 's/^/    /' >&2
  done
  exit 1
fi
echo "fresh-machine-check: passed: .ci/run took ${elapsed}s in a fresh Debian 12 root"
