# SPDX-License-Identifier: MIT
# Sourced by scripts/test.sh: makes sure a local PostgreSQL 15 runs and exports
# COLLEAGUES_TEST_PG, the URL of a database the tests may create schemas in.
# Starts the Debian cluster if needed; works as root or through sudo.

colleagues_pg_start() {
    local as_postgres=(runuser -u postgres --)
    if [[ $(id -u) -ne 0 ]]; then
        as_postgres=(sudo -u postgres)
    fi
    local sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)

    if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
        "${sudo[@]}" pg_createcluster 15 main >/dev/null
    fi
    local version cluster
    read -r version cluster _ < <(pg_lsclusters -h | head -1)
    if ! pg_lsclusters -h | head -1 | grep -q online; then
        "${sudo[@]}" pg_ctlcluster "$version" "$cluster" start
    fi
    local port
    port=$(pg_lsclusters -h | head -1 | awk '{print $3}')

    "${as_postgres[@]}" psql -p "$port" -qtA -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'colleagues_test') THEN
    CREATE ROLE colleagues_test LOGIN CREATEDB PASSWORD 'colleagues_test';
  END IF;
END \$\$;
SQL
    if ! "${as_postgres[@]}" psql -p "$port" -qtA -c "SELECT 1 FROM pg_database WHERE datname='colleagues_test'" | grep -q 1; then
        "${as_postgres[@]}" createdb -p "$port" -O colleagues_test colleagues_test
    fi
    export COLLEAGUES_TEST_PG="postgresql://colleagues_test:colleagues_test@127.0.0.1:${port}/colleagues_test"
    echo "postgres: ready on port ${port}"
}

colleagues_pg_start
