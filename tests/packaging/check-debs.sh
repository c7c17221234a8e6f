#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian packages from a build tree with CPack and checks them with lintian
# (no errors allowed) and dpkg-deb (the expected files are inside).
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
shopt -s nullglob
debs=("$out"/*.deb)
if ((${#debs[@]} != 2)); then
    echo "expected two packages, got: ${debs[*]:-none}" >&2
    exit 1
fi
client=$(ls "$out"/colleagues_*.deb)
server=$(ls "$out"/colleagues-server_*.deb)
for expected in ./usr/bin/colleagues ./usr/share/applications/org.colleagues.Colleagues.desktop \
    ./usr/share/metainfo/org.colleagues.Colleagues.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/colleagues.svg ./usr/share/icons/hicolor/48x48/apps/colleagues.png; do
    dpkg-deb -c "$client" | awk '{print $6}' | grep -qx "$expected" || { echo "client package lacks $expected" >&2; exit 1; }
done
for expected in ./usr/bin/colleagues-server ./usr/lib/systemd/system/colleagues-server.service ./etc/default/colleagues-server \
    ./usr/share/colleagues/ldap/active-directory.map \
    ./usr/share/doc/colleagues-server/examples/colleagues-ldap-sync.timer; do
    dpkg-deb -c "$server" | awk '{print $6}' | grep -qx "$expected" || { echo "server package lacks $expected" >&2; exit 1; }
done
# The fonts for the names in Japanese, Chinese and Korean come with the app.
dpkg-deb -f "$client" Recommends | grep -qw fonts-noto-cjk || { echo "client package does not recommend fonts-noto-cjk" >&2; exit 1; }
# lintian exits non-zero on errors; warnings are printed for the record.
lintian --fail-on error --suppress-tags no-manual-page "${debs[@]}"
echo "packages ok: $(basename "$client") $(basename "$server")"
