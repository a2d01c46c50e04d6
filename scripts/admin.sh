#!/usr/bin/env bash
# Runs one admin CLI command: scripts/admin.sh <command> [args...]  (scripts/admin.sh --help lists them).
# The jar: $APP_JAR if set; else /app/app.jar (the container); else the newest target/user-service-*.jar of this
# repository (./mvnw -DskipTests package builds it). $JAVA picks the java binary, $JAVA_OPTS sets JVM options.
# The database and settings come from the same variables as the service (POSTGRES_*, SPRING_DATASOURCE_*, ...).
set -euo pipefail

jar="${APP_JAR:-}"
if [[ -z "$jar" ]]; then
    if [[ -f /app/app.jar ]]; then
        jar=/app/app.jar
    else
        repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
        jar="$(ls -t "$repo"/target/user-service-*.jar 2>/dev/null | head -n 1 || true)"
    fi
fi
if [[ -z "$jar" || ! -f "$jar" ]]; then
    echo "error: no application jar found${jar:+ at $jar} (set APP_JAR, or build one with ./mvnw -DskipTests package)" >&2
    exit 1
fi

# Unless JAVA_OPTS is set (even empty): a one-shot command spends most of its CPU time in the optimizing JIT
# compiler, which it never profits from, so it runs with the quick compiler only (starts about twice as fast);
# bulk_create keeps the full JIT, whose code hashes passwords much faster.
if [[ "${1:-}" == bulk_create ]]; then
    default_opts=""
else
    default_opts="-XX:TieredStopAtLevel=1"
fi
# shellcheck disable=SC2086 # the options are several words on purpose
exec "${JAVA:-java}" ${JAVA_OPTS-$default_opts} -jar "$jar" admin "$@"
