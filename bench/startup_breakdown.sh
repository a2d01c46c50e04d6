#!/usr/bin/env bash
# Where the start-up goes: starts the packaged service once with Spring's BufferingApplicationStartup
# (bench/StartupTrace.java), stops it at its ready point and prints the phases, the costliest beans (own time) and the
# time per feature, plus the JVM's start and the number of classes loaded.
#
#   bench/startup_breakdown.sh [spring args...]
#
# The database is the usual one: POSTGRES_* (and SECRET_KEY) for PostgreSQL, else the embedded H2 in a temporary
# folder. JAVA picks the JVM (default: java on PATH). Port 18149 unless --server.port is given. Runs without the
# class cache, so it shows the application's own work; bench/footprint.sh measures the launcher with it. Like
# scripts/serve.sh it starts in Spring AOT mode when the jar was built with it (SPRING_AOT=off: the ordinary way);
# JAVA_OPTS adds JVM options. STARTUP_BEANS=<regex> also lists the beans whose name or type matches, each with the chain
# of beans whose creation asked for it (why a bean is created at start).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${APP_JAR:-$(ls target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
if [ -z "$jar" ]; then
    ./mvnw -B -ntp -q -DskipTests package >&2
    jar=$(ls target/user-service-*.jar | grep -v original | head -n 1)
fi
work=$(mktemp -d /tmp/startup-breakdown.XXXXXX)
trap 'rm -rf "$work"' EXIT
"${JAVA:-java}" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app=$(ls "$work"/app/*.jar | head -n 1)
export USER_SERVICE_DATA_DIR="${USER_SERVICE_DATA_DIR:-$work/data}"
aot=()
if [[ "${SPRING_AOT:-on}" != off ]] && grep -q -a -F '__ApplicationContextInitializer.class' "$app"; then
    aot=(-Dspring.aot.enabled=true)
    echo "Spring AOT mode (-Dspring.aot.enabled=true)" >&2
fi
# Compiled rather than run by the source launcher: its class loader would be the application's, and a JDK proxy of a
# package-private repository interface (Spring Data's, in AOT mode) must come from the loader that defined it.
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")")
"$java_home/bin/javac" -nowarn -d "$work/trace" -cp "$app:$work/app/lib/*" bench/StartupTrace.java
# shellcheck disable=SC2086 # JAVA_OPTS is several words on purpose
"${JAVA:-java}" "${aot[@]}" ${JAVA_OPTS:-} -cp "$work/trace:$app:$work/app/lib/*" StartupTrace --server.port=18149 --logging.level.root=warn "$@"
