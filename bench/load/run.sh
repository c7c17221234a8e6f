#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Load figures: starts colleagues-server on SQLite, then on PostgreSQL, seeds N accounts
# (gen-profiles + import-csv --initial-passwords), runs colleagues-load against it and prints
# its figures (errors, lost messages, send and delivery latency p50/p99, server RSS over time).
#   bench/load/run.sh [--clients N] [--duration S] [--rate R]     (defaults 500, 300, N/5)
# Environment: COLLEAGUES_BENCH_BUILD (build directory, default build-bench), BACKENDS
# ("sqlite postgres"), COLLEAGUES_TEST_PG (else scripts/postgres-env.sh is sourced).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

clients=500
duration=300
rate=
while [[ $# -gt 0 ]]; do
    case $1 in
        --clients) clients=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
rate=${rate:-$((clients / 5))}

build=${COLLEAGUES_BENCH_BUILD:-build-bench}
if [[ ! -x $build/server/colleagues-server || ! -x $build/bench/colleagues-load || ! -x $build/bench/gen-profiles ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOLLEAGUES_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" -j2 --target colleagues-server colleagues-load gen-profiles
fi
server_bin=$(find "$build" -name colleagues-server -type f -perm -u+x | head -1)
load_bin=$(find "$build" -name colleagues-load -type f -perm -u+x | head -1)
gen_bin=$(find "$build" -name gen-profiles -type f -perm -u+x | head -1)

work=$(mktemp -d /tmp/colleagues-load.XXXXXX)
server_pid=
pg_db=
cleanup() {
    if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [[ -n $pg_db ]]; then psql "$COLLEAGUES_TEST_PG" -qtA -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$gen_bin" --people "$clients" --seed 1 --out "$work/people.csv" 2>/dev/null

run_backend() {
    local backend=$1
    shift
    local db_args=("$@")
    rm -f "$work/passwords.txt"
    "$server_bin" import-csv "$work/people.csv" --initial-passwords "$work/passwords.txt" "${db_args[@]}" >/dev/null
    "$server_bin" serve --listen 127.0.0.1:0 "${db_args[@]}" >"$work/serve.out" 2>"$work/serve-$backend.log" &
    server_pid=$!
    local url=
    for _ in $(seq 1 300); do
        url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1 || true)
        [[ -n $url ]] && break
        sleep 0.1
    done
    [[ -n $url ]] || { echo "the server did not start" >&2; cat "$work/serve-$backend.log" >&2; exit 1; }
    echo "== $backend: $clients clients, $duration s, $rate msg/s against $url (server pid $server_pid)"
    local status=0
    "$load_bin" --server "$url" --accounts "$work/passwords.txt" --clients "$clients" --duration "$duration" \
        --rate "$rate" --server-pid "$server_pid" || status=$?
    kill "$server_pid"
    wait "$server_pid" || true
    server_pid=
    return $status
}

overall=0
for backend in ${BACKENDS:-sqlite postgres}; do
    case $backend in
        sqlite)
            run_backend sqlite --data-dir "$work/sqlite" || overall=1
            ;;
        postgres)
            if [[ -z ${COLLEAGUES_TEST_PG:-} ]]; then
                # shellcheck source=/dev/null
                source "$root/scripts/postgres-env.sh" >/dev/null
            fi
            pg_db="colleagues_load_$$"
            psql "$COLLEAGUES_TEST_PG" -qtA -c "CREATE DATABASE $pg_db" >/dev/null
            run_backend postgres --database "${COLLEAGUES_TEST_PG%/*}/$pg_db" || overall=1
            # The server has exited, so nothing holds the database any more.
            psql "$COLLEAGUES_TEST_PG" -qtA -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null \
                || echo "could not drop the load database $pg_db" >&2
            pg_db=
            ;;
    esac
done
exit $overall
