#!/usr/bin/env bash
# The first hour on a bare machine, repeatably: a fresh Debian 12 root folder (debootstrap
# minbase with only python3, make, git and ca-certificates), a clone of this repository in
# it, then `make site` and `make test` as root with nothing else done by hand. As root:
#
#   tools/bare-machine.sh [/tmp/bare]        # uses the current commit of this checkout
#
# Behind a TLS proxy, put its CA into <root>/usr/local/share/ca-certificates/ after the
# debootstrap and run `chroot <root> update-ca-certificates` (pip and npm are pointed at
# the system's bundle below).
set -euo pipefail
ROOT_DIR=${1:-/tmp/bare}
SRC=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
[ -x "$ROOT_DIR/usr/bin/python3" ] ||
  debootstrap --variant=minbase --include=python3,make,git,ca-certificates bookworm \
    "$ROOT_DIR" http://deb.debian.org/debian
for d in proc sys dev dev/pts; do mountpoint -q "$ROOT_DIR/$d" || mount --bind "/$d" "$ROOT_DIR/$d"; done
mountpoint -q "$ROOT_DIR/dev/shm" || mount -t tmpfs tmpfs "$ROOT_DIR/dev/shm"
cp /etc/resolv.conf "$ROOT_DIR/etc/resolv.conf"
rm -rf "$ROOT_DIR/root/katalog"
git clone -q "$SRC" "$ROOT_DIR/root/katalog"
BUNDLE=/etc/ssl/certs/ca-certificates.crt
for target in site test; do
  echo "== make $target"
  chroot "$ROOT_DIR" /usr/bin/env -i HOME=/root TERM=dumb PIP_CERT=$BUNDLE \
    NODE_EXTRA_CA_CERTS=$BUNDLE PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "cd /root/katalog && time make $target"
done
