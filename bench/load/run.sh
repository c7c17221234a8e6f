#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Load figures (issue #16): a directory of P people (gen-profiles), of whom N have accounts
# (import-csv --initial-passwords) and connect as simulated clients (colleagues-load): each holds
# a long-poll and watches ~10 others while they send R messages/s and make S status changes/s.
# With --group-size G (2-50), G of the clients are also in one group conversation, to which its
# members send --group-rate messages/s (default 2): the delivery to every member is timed (issue #17,
# target p99 <= 300 ms).
# Prints the figures and the targets (ok / MISSED) per backend:
#   sqlite      one server on SQLite
#   postgres    one server on PostgreSQL
#   postgres2   two servers on one PostgreSQL database, the clients split between them
#
#   bench/load/run.sh [--clients N] [--duration S] [--profiles P] [--rate R] [--presence-rate S]
#                     [--group-size G [--group-rate R]]
#                     [--backends "sqlite postgres postgres2"] [--work DIR [--seed-only]]
#                     [--serve-args "ARGS"] [--load-args "ARGS"]
#   defaults: 500 clients, 300 s, profiles = clients, 50 msg/s, 100 changes/s, all three backends
#
# Seeding is slow on purpose (Argon2id for every account, at import and at sign-in): with
# --work DIR the seeded databases (SQLite file, PostgreSQL database colleagues_load_P_N) and the
# clients' tokens stay in DIR and are reused by the next run with the same sizes; --seed-only
# just prepares them.
# --serve-args passes more options to every `colleagues-server serve` (e.g. "--workers 4");
# --load-args more options to colleagues-load (e.g. "--no-gzip": sync answers not compressed).
# Environment: COLLEAGUES_BENCH_BUILD (build directory, default build-bench),
# COLLEAGUES_TEST_PG (else scripts/postgres-env.sh is sourced).
# The whole script is one function, read before it runs: editing the file meanwhile is safe.
main() {
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

clients=500
duration=300
profiles=
rate=50
presence_rate=100
group_size=0
group_rate=2
backends="sqlite postgres postgres2"
work=
seed_only=0
serve_args=()
extra_load_args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --clients) clients=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --profiles) profiles=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --presence-rate) presence_rate=$2; shift 2 ;;
        --group-size) group_size=$2; shift 2 ;;
        --group-rate) group_rate=$2; shift 2 ;;
        --backends) backends=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --seed-only) seed_only=1; shift ;;
        --serve-args) read -r -a serve_args <<<"$2"; shift 2 ;;
        --load-args) read -r -a extra_load_args <<<"$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
profiles=${profiles:-$clients}
if [[ $seed_only == 1 && -z $work ]]; then echo "--seed-only needs --work DIR" >&2; exit 2; fi
if (( profiles < clients )); then echo "--profiles must be at least --clients" >&2; exit 2; fi

build=${COLLEAGUES_BENCH_BUILD:-build-bench}
if [[ ! -x $build/server/colleagues-server || ! -x $build/bench/colleagues-load || ! -x $build/bench/gen-profiles ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOLLEAGUES_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" -j2 --target colleagues-server colleagues-load gen-profiles
fi
server_bin=$(find "$build" -name colleagues-server -type f -perm -u+x | head -1)
load_bin=$(find "$build" -name colleagues-load -type f -perm -u+x | head -1)
gen_bin=$(find "$build" -name gen-profiles -type f -perm -u+x | head -1)

keep=0
if [[ -n $work ]]; then
    keep=1
    mkdir -p "$work"
    work=$(cd "$work" && pwd)
else
    work=$(mktemp -d /tmp/colleagues-load.XXXXXX)
fi
server_pids=()
pg_temp_db=
cleanup() {
    for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    if [[ -n $pg_temp_db ]]; then psql "$COLLEAGUES_TEST_PG" -qtA -c "DROP DATABASE IF EXISTS $pg_temp_db" >/dev/null 2>&1 || true; fi
    if (( ! keep )); then rm -rf "$work"; fi
}
trap cleanup EXIT

# The connection budget: a long-poll per client, the load tool's request pools, and room.
max_connections=$((clients + 1000))
summary=()

# Writes the first N records of a CSV (a header and rows whose quoted fields may hold line
# breaks) to one file and the rest, after the same header, to another.
split_csv() {
    awk -v n="$2" -v first="$3" -v rest="$4" '
        NR == 1 { print > first; print > rest; next }
        { out = (count < n) ? first : rest; print > out
          quotes += gsub(/"/, "\"")
          if (quotes % 2 == 0) { count++; quotes = 0 } }' "$1"
}

seed() { # seed NAME DB-ARGS...: the directory and the accounts, once per database
    local name=$1
    shift
    if [[ -s $work/$name.seeded ]]; then
        echo "   seeded before: $(cat "$work/$name.seeded")"
        return
    fi
    if [[ ! -s $work/people.csv ]]; then
        "$gen_bin" --people "$profiles" --seed 1 --out "$work/people.csv" 2>/dev/null
        split_csv "$work/people.csv" "$clients" "$work/accounts.csv" "$work/others.csv"
    fi
    rm -f "$work/$name-passwords.txt" "$work/$name-tokens.txt"
    local start=$SECONDS
    "$server_bin" import-csv "$work/accounts.csv" --initial-passwords "$work/$name-passwords.txt" "$@" >/dev/null
    local accounts=$((SECONDS - start))
    if (( profiles > clients )); then
        "$server_bin" import-csv "$work/others.csv" "$@" >/dev/null
    fi
    echo "$profiles people, $clients with a password (import: $accounts s for the accounts, Argon2id; $((SECONDS - start)) s in all; load $(cut -d' ' -f1-3 /proc/loadavg))" \
        >"$work/$name.seeded"
    echo "   seeded: $(cat "$work/$name.seeded")"
}

start_server() { # start_server LOG DB-ARGS...: sets url, metrics_url, and appends to server_pids
    local log=$1
    shift
    "$server_bin" serve --listen 127.0.0.1:0 --metrics-listen 127.0.0.1:0 --max-connections "$max_connections" \
        "${serve_args[@]}" "$@" \
        >"$log.out" 2>"$log.log" &
    server_pids+=($!)
    url=
    for _ in $(seq 1 600); do
        url=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log.out" | grep -o 'http://.*' || true)
        [[ -n $url ]] && break
        sleep 0.1
    done
    [[ -n $url ]] || { echo "the server did not start" >&2; cat "$log.log" >&2; exit 1; }
    metrics_url=$(grep -o 'metrics on http://127.0.0.1:[0-9]*' "$log.out" | grep -o 'http://.*')
}

stop_servers() { # SIGTERM, and SIGKILL for a server still draining its backlog after 30 s
    local pid waited
    for pid in "${server_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        for ((waited = 0; waited < 300; waited++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "   server $pid still stopping after 30 s (draining queued work): killed"
            kill -9 "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    server_pids=()
}

run_load() { # run_load BACKEND NAME INSTANCES DB-ARGS...
    local backend=$1 name=$2 instances=$3
    shift 3
    (( seed_only )) && return 0
    local load_args=() i
    for ((i = 1; i <= instances; i++)); do
        start_server "$work/serve-$backend-$i" "$@"
        load_args+=(--server "$url" --metrics "$metrics_url" --server-pid "${server_pids[-1]}")
    done
    local group_args=() group_text=
    if (( group_size > 0 )); then
        group_args=(--group-size "$group_size" --group-rate "$group_rate")
        group_text=", a $group_size-member group at $group_rate msg/s"
    fi
    echo "== $backend: $clients clients over $instances instance(s), $duration s, $rate msg/s, $presence_rate status changes/s$group_text;" \
        "serve --max-connections $max_connections${serve_args[*]:+ ${serve_args[*]}};" \
        "${extra_load_args[*]:+colleagues-load ${extra_load_args[*]}; }load $(cut -d' ' -f1-3 /proc/loadavg)"
    local status=0
    "$load_bin" "${load_args[@]}" --accounts "$work/$name-passwords.txt" --tokens "$work/$name-tokens.txt" \
        --clients "$clients" --duration "$duration" --rate "$rate" --presence-rate "$presence_rate" "${group_args[@]}" \
        "${extra_load_args[@]}" \
        | tee "$work/load-$backend.txt" || status=$?
    stop_servers
    while IFS= read -r line; do summary+=("$backend: $line"); done < <(grep '^target' "$work/load-$backend.txt" || true)
    return $status
}

pg_ready() {
    if [[ -z ${COLLEAGUES_TEST_PG:-} ]]; then
        # shellcheck source=/dev/null
        source "$root/scripts/postgres-env.sh" >/dev/null
    fi
    local db=colleagues_load_${profiles}_${clients}
    if (( ! keep )); then
        db=colleagues_load_$$
        pg_temp_db=$db
    fi
    if [[ -z $(psql "$COLLEAGUES_TEST_PG" -qtA -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
        psql "$COLLEAGUES_TEST_PG" -qtA -c "CREATE DATABASE $db" >/dev/null
        rm -f "$work/postgres.seeded"
    fi
    pg_url="${COLLEAGUES_TEST_PG%/*}/$db"
}

overall=0
echo "work directory $work; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for backend in $backends; do
    case $backend in
        sqlite)
            seed sqlite --data-dir "$work/sqlite"
            run_load sqlite sqlite 1 --data-dir "$work/sqlite" || overall=1
            ;;
        postgres | postgres2)
            pg_ready
            seed postgres --database "$pg_url"
            run_load "$backend" postgres "$([[ $backend == postgres2 ]] && echo 2 || echo 1)" --database "$pg_url" \
                || overall=1
            ;;
        *) echo "unknown backend $backend" >&2; exit 2 ;;
    esac
done
echo "== targets"
printf '%s\n' "${summary[@]}"
exit $overall
}
main "$@"
