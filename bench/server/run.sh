#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds colleagues-server and bench-server (Release) and prints the server's figures:
# GET profile req/s against nginx (wrk -c 50 -t 2 -d 10s, 10,000 profiles), a first sync of
# 100,000 profiles, and 1,000 held long-polls (RSS, message delivery p99).
# Extra arguments go to bench-server (e.g. --duration 5 --sync-profiles 20000).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null || ! [[ -x /usr/sbin/nginx ]] || ! pkg-config --exists libturbojpeg; then
    bash packaging/install-deps.sh
fi
build=${COLLEAGUES_BENCH_BUILD:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOLLEAGUES_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target bench-server colleagues-server
"$build/bench/bench-server" "$@"
