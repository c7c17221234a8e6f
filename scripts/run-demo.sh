#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Colleagues and runs the desktop app against a
# local colleagues-server seeded with a demo company. Closing the app stops the server.
#   scripts/run-demo.sh [--user NAME] [--data-dir DIR] [--port PORT]
set -euo pipefail
cd "$(dirname "$0")/.."

demo_user=ada
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/colleagues-demo"
port=""
while (($#)); do
    case "$1" in
    --user) demo_user=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h | --help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "run-demo: unknown option $1" >&2; exit 2 ;;
    esac
done

bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

server=build/server/colleagues-server
client=build/app/colleagues

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run-demo: no display found; starting the app under Xvfb on :99" >&2
    Xvfb :99 -screen 0 1280x800x24 >/dev/null 2>&1 &
    trap 'kill $! 2>/dev/null || true' EXIT
    export DISPLAY=:99
fi

exec "$client"
