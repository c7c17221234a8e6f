#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up a fresh Debian 12 machine, builds Colleagues, starts a local colleagues-server seeded
# with a demo company (400 people) and opens the desktop app signed in as a demo user.
# Closing the app stops the server it started.
#
#   scripts/run-demo.sh [--user NAME] [--people N] [--fresh]
#
# A second instance, signed in as someone else (run it while the first one is open, then
# message each other):   scripts/run-demo.sh --user grace
# Demo users: ada, grace, zoe, misaki, admin; each password is NAME-demo-password.
set -euo pipefail
cd "$(dirname "$0")/.."

demo_user=ada
people=400
fresh=0
while (($#)); do
    case "$1" in
    --user) demo_user=$2; shift 2 ;;
    --people) people=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-demo: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target colleagues colleagues-server

server=$PWD/build/server/colleagues-server
client=$PWD/build/app/colleagues
root="${XDG_DATA_HOME:-$HOME/.local/share}/colleagues-demo"
[[ $fresh == 1 ]] && rm -rf "$root"
mkdir -p "$root/server"

if [[ ! -f "$root/server/colleagues.db" ]]; then
    echo "run-demo: seeding a demo company of $people people"
    "$server" seed-demo --people "$people" --data-dir "$root/server"
fi

server_pid=""
xvfb_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        rm -f "$root/server.url"
    fi
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

# One server for every demo instance: reuse the one that is running, or start it.
url=""
if [[ -f "$root/server.url" ]] && curl -fsS "$(cat "$root/server.url")/healthz" >/dev/null 2>&1; then
    url=$(cat "$root/server.url")
    echo "run-demo: using the demo server already running at $url"
else
    log="$root/server.log"
    "$server" serve --listen 127.0.0.1:0 --data-dir "$root/server" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        url=$(sed -n 's/^listening on \(http[s]*:\/\/[^ ]*\).*/\1/p' "$log" | head -1)
        [[ -n "$url" ]] && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    [[ -n "$url" ]] || { echo "run-demo: the server did not start; see $log" >&2; exit 1; }
    echo "$url" >"$root/server.url"
    echo "run-demo: demo server at $url (log: $log)"
fi

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run-demo: no display found; starting the app under Xvfb on :99" >&2
    Xvfb :99 -screen 0 1280x800x24 >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=:99
fi

# Sign in, then open the app. Both run in one private D-Bus session whose keychain holds the
# token, so the demo never touches your own keychain.
client_dir="$root/client-$demo_user"
export COLLEAGUES_DEMO_CLIENT="$client" COLLEAGUES_DEMO_DIR="$client_dir" COLLEAGUES_DEMO_URL="$url"
export COLLEAGUES_DEMO_USER="$demo_user"
scripts/with-keyring.sh bash -c '
    set -euo pipefail
    printf "%s\n" "${COLLEAGUES_DEMO_USER}-demo-password" |
        "$COLLEAGUES_DEMO_CLIENT" login --server "$COLLEAGUES_DEMO_URL" --user "$COLLEAGUES_DEMO_USER" \
            --data-dir "$COLLEAGUES_DEMO_DIR"
    "$COLLEAGUES_DEMO_CLIENT" --data-dir "$COLLEAGUES_DEMO_DIR"
'
