#!/usr/bin/env bash
# Runs one admin CLI command: scripts/admin.sh <command> [args...]  (scripts/admin.sh --help lists them).
# The jar: $APP_JAR if set; else /app/app.jar (the container); else the newest target/user-service-*.jar of this
# repository (./mvnw -DskipTests package builds it). $JAVA picks the java binary, $JAVA_OPTS sets JVM options.
# The database and settings come from the same variables as the service (POSTGRES_*, SPRING_DATASOURCE_*, ...).
# Like scripts/serve.sh, it starts from the unpacked jar and the JVM's class cache (scripts/launcher.sh); the first
# command builds the CLI's cache with a training run of `admin list`: the migration every command starts with, then a
# query through Hibernate, so that the query path's classes are in the cache as well.
# `scripts/admin.sh --prepare` only builds it.
set -euo pipefail
# Without running dirname: see launcher.sh.
here=${BASH_SOURCE[0]%/*}
[[ "$here" != "${BASH_SOURCE[0]}" ]] || here=.
# shellcheck source=launcher.sh
source "$here/launcher.sh"
launcher_java
launcher_jar
launcher_java_version
launcher_layout
launcher_quiet=true

# Unless JAVA_OPTS is set (even empty): a one-shot command makes little garbage, so it runs with the serial collector
# (no collector threads) and a small young generation (48 MiB less resident and 5-8 % less time than the default
# collector and heap, which start with a share of the machine's memory); and it spends most of its CPU time in the
# optimizing JIT compiler, which it never profits from, so it runs with the quick compiler only (starts about twice as
# fast). bulk_create keeps the full JIT, whose code hashes passwords much faster. With the quick compiler alone the
# code cache is 48 MiB, and a command's 5 MiB of compiled code crossed the share of it (15 %) at which the JVM collects
# the whole heap to unload code: a full collection of 60-90 ms before most commands ended. 128 MiB (address space, not
# memory) keeps it out. And what survives a young collection in a command of two seconds lives to its end: promoting it
# at once (tenuring threshold 0) saves copying it between the survivor spaces (135 against 160 ms of collections).
default_opts="-XX:+UseSerialGC -Xms48m -Xmn24m"
if [[ "${1:-}" != bulk_create ]]; then
    default_opts+=" -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m -XX:MaxTenuringThreshold=0"
fi
start_jar="${layout_jar:-$jar}"
train() {
    # shellcheck disable=SC2086 # the options are several words on purpose
    "$java_bin" ${JAVA_OPTS-$default_opts} "$@" -jar "$start_jar" admin list >/dev/null
}
launcher_cache cli train
if [[ "${1:-}" == --prepare ]]; then
    exit 0
fi
# shellcheck disable=SC2086 # the options are several words on purpose
exec "$java_bin" ${JAVA_OPTS-$default_opts} "${cache_opts[@]}" -jar "$start_jar" admin "$@"
