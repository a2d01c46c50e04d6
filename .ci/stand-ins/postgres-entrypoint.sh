#!/usr/bin/env bash
# The part of the postgres image's entrypoint the compose files rely on. An empty $PGDATA is initialised with
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB by a temporary server on the Unix socket only (so a pg_isready over
# TCP does not pass before the real one listens), then the server runs as the postgres user on every address.
set -euo pipefail
if [ "${1:-}" != postgres ]; then
    exec "$@"
fi
if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 700 "$PGDATA"
    exec gosu postgres "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    : "${POSTGRES_PASSWORD:?the database is new: set POSTGRES_PASSWORD}"
    user=${POSTGRES_USER:-postgres}
    initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 >/dev/null
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    if [ "${POSTGRES_DB:-$user}" != postgres ]; then
        psql -v ON_ERROR_STOP=1 -q -U "$user" -d postgres --set db="${POSTGRES_DB:-$user}" <<<'CREATE DATABASE :"db";'
    fi
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
    echo "postgres-entrypoint: initialised $PGDATA for $user"
fi
exec postgres -c listen_addresses='*' "${@:2}"
