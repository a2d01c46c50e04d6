#!/usr/bin/env bash
# Runs one admin CLI command: scripts/admin.sh <command> [args...]  (scripts/admin.sh --help lists them).
# The jar: $APP_JAR if set; else /app/app.jar (the container); else the newest target/user-service-*.jar of this
# repository (./mvnw -DskipTests package builds it). $JAVA picks the java binary, $JAVA_OPTS adds JVM options.
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

# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" admin "$@"
