#!/usr/bin/env bash
# Starts the service from a packaged jar with the project's JVM flags: scripts/serve.sh [--server.port=N ...]
# The arguments go on to the application. The image runs this script too, so a jar started here and the container
# run the same way.
#
# The jar: $APP_JAR, else /app/app.jar (the image), else the newest target/user-service-*.jar. A packaged jar is
# unpacked once beside itself (<jar>.layout/), and the first start builds the JVM's class cache there in a training
# run (the service started on a free local port, sending itself a few harmless requests, then stopped); every later
# start of the same jar on the same JVM starts from it (see scripts/launcher.sh). `scripts/serve.sh --prepare [args]`
# builds it and exits (the image does this at build time). `scripts/serve.sh admin <command>` runs the admin CLI
# instead (scripts/admin.sh).
#
# Memory, sized for a small service; a deployment raises them through the environment (docs/configuration.md):
#   JVM_MAX_HEAP (128m)  JVM_YOUNG_GEN (16m)  JVM_MAX_METASPACE (160m)  JVM_THREAD_STACK (512k)  JVM_CODE_CACHE (64m)
#   JVM_NATIVE_TRIM (5000 ms)
# JAVA_OPTS adds JVM options after these (and so overrides them).
set -euo pipefail
# Without running dirname: see launcher.sh.
here=${BASH_SOURCE[0]%/*}
[[ "$here" != "${BASH_SOURCE[0]}" ]] || here=.

if [[ "${1:-}" == admin ]]; then
    shift
    exec "$here/admin.sh" "$@"
fi
prepare_only=false
if [[ "${1:-}" == --prepare ]]; then
    prepare_only=true
    shift
fi

# shellcheck source=launcher.sh
source "$here/launcher.sh"
launcher_java
launcher_jar
launcher_java_version
launcher_layout

# The serial collector: the least memory and no GC threads, and for a heap this size pauses of a few milliseconds.
# The heap starts small and grows on demand (by default it would start at 1/64 of the machine's memory). The young
# generation is resident in full once used (every collection cycles through all of eden); the default third of the
# heap (up to 42 MiB) holds nothing a request needs past its end. 12m saved 6 MiB idle and 14 after load but cost the
# cheapest requests (/health with a token, 14,000 a second) about a tenth of their rate in young collections; 16m.
# After a full collection the old generation is sized to keep MinHeapFreeRatio of it free (40 % by default), and what
# a load promotes fills it to that size before the next one, all of it resident: 20 % (shrinking above 40 %) kept it
# at 48 MiB instead of 66 after a minute's load, for one more full collection in it.
jvm_flags=(
    -XX:+UseSerialGC
    -Xms32m
    "-Xmx${JVM_MAX_HEAP:-128m}"
    "-Xmn${JVM_YOUNG_GEN:-16m}"
    -XX:MinHeapFreeRatio=20
    -XX:MaxHeapFreeRatio=40
    "-XX:MaxMetaspaceSize=${JVM_MAX_METASPACE:-160m}"
    "-Xss${JVM_THREAD_STACK:-512k}"
    "-XX:ReservedCodeCacheSize=${JVM_CODE_CACHE:-64m}"
    -XX:+ExitOnOutOfMemoryError
)
# Spring AOT: a jar built by this project carries its server's bean definitions as generated code (the Maven build's
# process-aot); starting from it skips the component scan and the auto-configuration conditions. Those conditions
# were decided when the jar was built, for the server on either database (docs/startup.md); SPRING_AOT=off starts
# the jar the ordinary way (as tests and ./mvnw spring-boot:run do). A jar without the generated code starts as before.
if [[ "${SPRING_AOT:-on}" != off ]] && grep -q -a -F '__ApplicationContextInitializer.class' "${layout_jar:-$jar}" 2>/dev/null; then
    jvm_flags+=(-Dspring.aot.enabled=true)
fi
# glibc's malloc keeps an arena per thread that ever allocated; two are plenty for this service and keep the RSS flat.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# glibc also keeps what the JVM frees (the JIT compilers' scratch memory above all: 30 MiB after a start, more after a
# load) rather than giving it back; the JVM trims it every JVM_NATIVE_TRIM milliseconds (0: never). JDK 17.0.11, 21.0.3,
# 22.0.1 and newer know the option; an older JVM would refuse to start with it, so it goes without.
if [[ "${JVM_NATIVE_TRIM:-5000}" != 0 ]] && launcher_java_at_least 17.0.11 21.0.3 22.0.1; then
    jvm_flags+=("-XX:TrimNativeHeapInterval=${JVM_NATIVE_TRIM:-5000}")
fi

start_jar="${layout_jar:-$jar}"
# The training run is a whole start: the service comes up on a free local port with the configured database, sends
# itself a few requests that read and change nothing, and exits (app.training-run, see TrainingRun), so that the cache
# also holds what the web server's start and a request's path load. Its flags are the service's without the metaspace
# cap: JDK 25 sizes the buffer it writes the AOT cache into from that cap, and 160m is too small for the cache of this
# application (the cap still holds for every start from the cache).
train() {
    local flag training_flags=()
    for flag in "${jvm_flags[@]}"; do
        [[ "$flag" == -XX:MaxMetaspaceSize=* ]] || training_flags+=("$flag")
    done
    # No shutdown drain: nothing routes to the training run.
    "$java_bin" "${training_flags[@]}" "$@" -Dapp.training-run=true -Dapp.shutdown.drain=0s -Dserver.port=0 \
        -Dserver.address=127.0.0.1 -jar "$start_jar"
}
launcher_cache server train

if [[ "$prepare_only" == true ]]; then
    # The admin CLI's cache as well: its command is a start of the application without the web server.
    APP_JAR="$start_jar" JAVA="$java_bin" "$here/admin.sh" --prepare
    exit 0
fi
# shellcheck disable=SC2086 # JAVA_OPTS is several words on purpose
exec "$java_bin" "${jvm_flags[@]}" "${cache_opts[@]}" ${JAVA_OPTS:-} -jar "$start_jar" "$@"
