#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Takes a screenshot of each main screen of the desktop app with a demo company (a real local
# colleagues-server, seeded), under Xvfb, into docs/screenshots/. Builds what it needs.
#   scripts/screenshots.sh [--build-dir DIR] [--scale 2]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
scale=1
while (($#)); do
    case "$1" in
    --build-dir) build_dir=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    -h | --help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "screenshots: unknown option $1" >&2; exit 2 ;;
    esac
done

if [[ ! -f "$build_dir/build.ninja" ]]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" --target ui_screenshots colleagues-server

out=docs/screenshots
[[ "$scale" != 1 ]] && out="docs/screenshots/scale-$scale"
mkdir -p "$out"

# A private X server, so the screenshots do not depend on the desktop they are taken on.
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 2600x1700x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    xdpyinfo -display "$display" >/dev/null 2>&1 && break
    sleep 0.1
done

runtime=$(mktemp -d)
DISPLAY=$display XDG_RUNTIME_DIR=$runtime QT_SCALE_FACTOR=$scale QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 \
    "$build_dir/tests/ui/ui_screenshots" --out "$out" 2>&1 | grep -v '^colleagues.server' || true
rm -rf "$runtime"
ls "$out"/*.png >/dev/null
echo "screenshots: wrote $(ls "$out"/*.png | wc -l) screenshots to $out"
