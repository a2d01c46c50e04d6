#!/usr/bin/env bash
# Start-up against a baseline, interleaved: scripts/serve.sh of this checkout with its jar, and scripts/serve.sh of
# another checkout with its jar (each build started by its own launcher, as its image would), one after the other in
# each round, alternating which goes first. Prints each round's launch-to-first-200-on-/health times and their ratio,
# then the median of those paired ratios: on a shared machine whose speed drifts within minutes, a ratio from two
# starts a few seconds apart means more than one from two blocks of starts (issue 22's bound: <= 1.15).
# Each round also runs each build's scripts/list_users.sh once (an admin command: launch to exit, on the same
# database, from the CLI's class cache that --prepare built), and prints the median of those paired ratios too (issue
# 22's bound: <= 1.10).
# Under each start it prints the CPU time the JVM used until it was ready, all threads together and the main thread's and
# the JIT compilers' apart: on 2 cores a start is CPU-bound, so this says which part of the work a difference comes from
# (the context's making or the JIT's compiling of it).
#
#   BASELINE_DIR=/path/to/checkout-of-0ca83b7 bench/startup_pairs.sh
#
# Environment: BASELINE_DIR (required: a checkout with scripts/serve.sh), BASELINE_JAR (its target/user-service-*.jar),
# APP_JAR (ours: target/user-service-*.jar, built when there is none), JAVA (default: JDK 25 under /usr/lib/jvm, else
# java), ROUNDS (10), PORT (18151), PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres; trust or PGPASSWORD).
# Each build runs on a database of its own (bench_pairs_ours, bench_pairs_baseline; dropped and created), and its
# first start (scripts/serve.sh --prepare) builds the JVM's class cache before any timed start. Jars are copied into a
# work directory so that the two launchers' unpacked layouts and caches never meet.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
rounds=${ROUNDS:-10}
port=${PORT:-18151}
java_bin=${JAVA:-}
if [ -z "$java_bin" ]; then
    java_bin=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1 || true)
    java_bin=${java_bin:-java}
fi
baseline_dir=${BASELINE_DIR:?set BASELINE_DIR to a checkout of the baseline (git worktree add ../base 0ca83b7)}
baseline_jar=${BASELINE_JAR:-$(ls "$baseline_dir"/target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
[ -n "$baseline_jar" ] || { echo "no baseline jar: build it (cd $baseline_dir && ./mvnw -DskipTests package)" >&2; exit 1; }
jar=${APP_JAR:-$(ls target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
if [ -z "$jar" ]; then
    ./mvnw -B -ntp -q -DskipTests package >&2
    jar=$(ls target/user-service-*.jar | grep -v original | head -n 1)
fi
for tool in curl psql createdb dropdb python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 1; }
done

work=$(mktemp -d /tmp/startup-pairs.XXXXXX)
declare -A dir_of=([ours]=$(pwd) [baseline]=$(realpath "$baseline_dir")) ms_of=() admin_ms_of=() cpu_of=()
mkdir -p "$work/ours" "$work/baseline"
cp "$jar" "$work/ours/app.jar"
cp "$baseline_jar" "$work/baseline/app.jar"
pid=
cleanup() {
    if [ -n "$pid" ]; then pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    for b in ours baseline; do dropdb --if-exists "bench_pairs_$b" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
secret=$(printf 'k%.0s' {1..64})

run_script() { # BUILD SCRIPT ARGS...: one of that build's checkout's scripts/, on its jar and database, in the foreground
    local b=$1 script=$2
    shift 2
    (cd "${dir_of[$b]}" && exec env POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" POSTGRES_USER="$PGUSER" \
        POSTGRES_PASSWORD="${PGPASSWORD:-}" POSTGRES_DB="bench_pairs_$b" SECRET_KEY="$secret" JAVA="$java_bin" \
        APP_JAR="$work/$b/app.jar" "scripts/$script" "$@")
}
serve() { run_script "$1" serve.sh "${@:2}"; }

for b in ours baseline; do
    dropdb --if-exists "bench_pairs_$b" 2>/dev/null
    createdb "bench_pairs_$b"
    echo "preparing $b (its class cache)..." >&2
    serve "$b" --prepare --server.port="$port" >"$work/prepare-$b.log" 2>&1 \
        || { echo "$b: prepare failed:" >&2; tail -n 20 "$work/prepare-$b.log" >&2; exit 1; }
done

cpu_so_far() { # PID -> "total main jit" ms of CPU (user + system) the JVM used since launch: all its threads, the main
    # thread (where the context is made) and the JIT's compiler threads
    local p=$1 hz t name ticks main=0 jit=0 total
    hz=$(getconf CLK_TCK)
    total=$(awk '{print $14 + $15}' "/proc/$p/stat")
    for t in /proc/"$p"/task/*; do
        name=$(cat "$t/comm" 2>/dev/null) && ticks=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null) || continue
        case $name in
            java) main=$((main + ticks)) ;;
            C1\ CompilerThre* | C2\ CompilerThre*) jit=$((jit + ticks)) ;;
        esac
    done
    echo "$((total * 1000 / hz)) $((main * 1000 / hz)) $((jit * 1000 / hz))"
}

jvm_of() { # PID -> the JVM among PID and its descendants (serve.sh ends in exec java, below the subshells)
    local p=$1 child
    while [ "$(cat "/proc/$p/comm" 2>/dev/null)" != java ]; do
        child=$(pgrep -P "$p" | head -n 1)
        [ -n "$child" ] || { echo "no JVM below $1" >&2; return 1; }
        p=$child
    done
    echo "$p"
}

timed_start() { # BUILD -> ms from launch to the first 200 on /health, and the CPU used until then
    local b=$1 t0 jvm
    t0=$(date +%s%N)
    serve "$b" --server.port="$port" >"$work/run-$b.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 6000); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
        kill -0 "$pid" 2>/dev/null || { echo "$b stopped:" >&2; tail -n 20 "$work/run-$b.log" >&2; exit 1; }
        sleep 0.02
    done
    ms_of[$b]=$(( ($(date +%s%N) - t0) / 1000000 ))
    jvm=$(jvm_of "$pid") # on its own, so that set -e ends the run when there is none
    cpu_of[$b]=$(cpu_so_far "$jvm")
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
    while curl -s -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
    sleep 1
}

timed_admin() { # BUILD -> ms from launch to exit of that build's scripts/list_users.sh
    local b=$1 t0
    t0=$(date +%s%N)
    LOGGING_LEVEL_ROOT=WARN run_script "$b" list_users.sh >"$work/admin-$b.log" 2>&1 \
        || { echo "$b: list_users.sh failed:" >&2; tail -n 20 "$work/admin-$b.log" >&2; exit 1; }
    admin_ms_of[$b]=$(( ($(date +%s%N) - t0) / 1000000 ))
}

echo "java: $("$java_bin" -version 2>&1 | head -n 1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ours: $jar; baseline: $baseline_jar ($baseline_dir)"
ratios=()
cpu_ratios=()
admin_ratios=()
for r in $(seq 1 "$rounds"); do
    order=(ours baseline)
    [ $((r % 2)) = 0 ] && order=(baseline ours)
    for b in "${order[@]}"; do timed_start "$b"; done
    for b in "${order[@]}"; do timed_admin "$b"; done
    ratio=$(python3 -c "print(f'{${ms_of[ours]} / ${ms_of[baseline]}:.3f}')")
    admin_ratio=$(python3 -c "print(f'{${admin_ms_of[ours]} / ${admin_ms_of[baseline]}:.3f}')")
    read -r cpu_ours main_ours jit_ours <<<"${cpu_of[ours]}"
    read -r cpu_base main_base jit_base <<<"${cpu_of[baseline]}"
    cpu_ratio=$(python3 -c "print(f'{$cpu_ours / $cpu_base:.3f}')")
    ratios+=("$ratio")
    cpu_ratios+=("$cpu_ratio")
    admin_ratios+=("$admin_ratio")
    printf 'round %2d  start: ours %6d ms  baseline %6d ms  ratio %s   admin list: ours %5d ms  baseline %5d ms  ratio %s\n' \
        "$r" "${ms_of[ours]}" "${ms_of[baseline]}" "$ratio" "${admin_ms_of[ours]}" "${admin_ms_of[baseline]}" "$admin_ratio"
    printf '          CPU until ready: ours %6d ms (main thread %5d, JIT %5d)  baseline %6d ms (main thread %5d, JIT %5d)  ratio %s\n' \
        "$cpu_ours" "$main_ours" "$jit_ours" "$cpu_base" "$main_base" "$jit_base" "$cpu_ratio"
done
median() { python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
echo "median of the paired ratios: start $(median "${ratios[@]}") (CPU until ready $(median "${cpu_ratios[@]}")), admin command $(median "${admin_ratios[@]}")"
