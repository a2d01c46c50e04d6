#!/usr/bin/env bash
# Where a read's CPU goes, this build against a baseline: both run side by side, each on a PostgreSQL database of its
# own with the data of bench/auth_throughput.sh (one user, two stored settings, ten chat sessions), are warmed at full
# load until their rate settles, then each is sampled by async-profiler while wrk runs. Prints the CPU one request costs
# (microseconds, from the samples and the requests answered meanwhile) for the whole JVM, the request's processing, the
# repository call, the PostgreSQL driver's execution of the statement inside it, and the rest of the repository call
# (what the ORM or the JDBC template does around that statement), each for both builds with ours as a ratio of the
# baseline's. The profiler slows both builds alike: read the ratios and the differences, not the absolute numbers.
#
#   BASELINE_JAR=/path/base.jar bench/read_profile.sh [settings|sessions]      (default: settings)
#
# (GET /profile/{id}/xp makes no query: the token-state cache answers it.)
#
# Why: a build that is slower by a few percent at full load (bench/auth_throughput.sh) may pay it in the data layer or
# anywhere else; this tells which. Warm-up: under 16 connections on 2 cores a build needed about 80 s to reach its
# rate (the JIT gets a sliver of the CPU), so each build gets WARM in four slices, alternating.
#
# Environment: BASELINE_JAR (required), BENCH_JAR (ours: target/user-service-*.jar, built when there is none), PGHOST
# (127.0.0.1), PGPORT (5432), PGUSER (postgres, needs CREATEDB), CONNECTIONS (16), WARM (100, seconds per build),
# DURATION (20, seconds profiled per build, in two halves), JAVA (java on PATH), ASYNC_PROFILER (a libasyncProfiler.so; by default
# async-profiler 4.6 for linux-x64 is downloaded from Maven Central into target/bench-tools once).
# Needs wrk, curl, psql, createdb, python3, unzip, jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/read_data.sh

kind=${1:-settings}
case $kind in
    settings) method=findStored ;;
    sessions) method=findNewestFirst ;;
    *) echo "usage: $0 [settings|sessions]" >&2; exit 2 ;;
esac
baseline_jar=${BASELINE_JAR:?set BASELINE_JAR to a build of the baseline}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
connections=${CONNECTIONS:-16}
warm=${WARM:-100}
half=$((${DURATION:-20} / 2))
duration=$((2 * half))
java_bin=${JAVA:-java}
# The jcmd of the same JDK (java on the PATH is usually a link): another JDK's may fail to attach.
jcmd_bin=$(dirname "$(realpath "$(command -v "$java_bin")")")/jcmd
for tool in wrk curl psql createdb dropdb python3 unzip "$jcmd_bin"; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

jar=${BENCH_JAR:-$(ls target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
if [ -z "$jar" ]; then
    ./mvnw -B -ntp -q -DskipTests package >&2
    jar=$(ls target/user-service-*.jar | grep -v original | head -n 1)
fi
profiler=${ASYNC_PROFILER:-target/bench-tools/async-profiler-4.6-linux-x64/lib/libasyncProfiler.so}
if [ ! -f "$profiler" ]; then
    mkdir -p target/bench-tools
    echo "downloading async-profiler 4.6 from Maven Central" >&2
    curl -sfL -o target/bench-tools/async-profiler.jar \
        https://repo1.maven.org/maven2/tools/profiler/async-profiler/4.6/async-profiler-4.6-linux-x64.jar
    unzip -q -o target/bench-tools/async-profiler.jar -d target/bench-tools/async-profiler-4.6-linux-x64
    profiler=$(find target/bench-tools/async-profiler-4.6-linux-x64 -name libasyncProfiler.so | head -n 1)
fi
profiler=$(realpath "$profiler")

work=$(mktemp -d)
secret=$(printf 'r%.0s' {1..64})
declare -A jar_of=([ours]=$jar [baseline]=$baseline_jar) pid_of=() url_of=() auth_of=()
cleanup() {
    local b
    for b in "${!pid_of[@]}"; do kill "${pid_of[$b]}" 2>/dev/null && wait "${pid_of[$b]}" 2>/dev/null || true; done
    for b in ours baseline; do dropdb --if-exists "bench_read_profile_$b" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

for b in ours baseline; do
    port=$(free_port)
    base="http://127.0.0.1:$port"
    dropdb --if-exists "bench_read_profile_$b" 2>/dev/null
    createdb "bench_read_profile_$b"
    POSTGRES_HOST=$PGHOST POSTGRES_PORT=$PGPORT POSTGRES_USER=$PGUSER POSTGRES_PASSWORD=${PGPASSWORD:-} \
        POSTGRES_DB=bench_read_profile_$b SECRET_KEY=$secret PORT=$port \
        "$java_bin" -jar "${jar_of[$b]}" >"$work/$b.log" 2>&1 &
    pid_of[$b]=$!
    for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/health" && break; sleep 1; done
    curl -sf -o /dev/null "$base/health" || { echo "$b did not start:" >&2; tail -n 30 "$work/$b.log" >&2; exit 1; }
    seeded=$(POSTGRES_HOST=$PGHOST POSTGRES_PORT=$PGPORT POSTGRES_USER=$PGUSER POSTGRES_PASSWORD=${PGPASSWORD:-} \
        POSTGRES_DB=bench_read_profile_$b SECRET_KEY=$secret APP_JAR=${jar_of[$b]} seed_read_data "$base")
    read -r token id <<<"$seeded"
    auth="Authorization: Bearer $token"
    case $kind in
        settings) url_of[$b]=$base/settings/$id ;;
        sessions) url_of[$b]=$base/sessions/user/$id ;;
    esac
    auth_of[$b]=$auth
    psql -q -d "bench_read_profile_$b" -c 'VACUUM ANALYZE' >/dev/null
done

load() { # BUILD SECONDS -> req/s; every answer must be a 200
    local out
    out=$(wrk -t2 -c"$connections" -d"$2s" -H "${auth_of[$1]}" "${url_of[$1]}")
    if grep -q 'Non-2xx' <<<"$out"; then echo "$1: answers other than 200:" >&2; echo "$out" >&2; exit 1; fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}
echo "warming up: $warm s per build at $connections connections, in four alternating slices..." >&2
for _ in 1 2 3 4; do for b in ours baseline; do load "$b" $((warm / 4)) >/dev/null; done; done

# Two profiles per build, in the order ours, baseline, baseline, ours: a machine that speeds up or slows down meanwhile
# weighs on both alike.
declare -A requests_of=([ours]=0 [baseline]=0)
for b in ours baseline baseline ours; do
    "$jcmd_bin" "${pid_of[$b]}" JVMTI.agent_load "$profiler" "\"start,event=cpu,interval=500us\"" >/dev/null
    rps=$(load "$b" "$half")
    "$jcmd_bin" "${pid_of[$b]}" JVMTI.agent_load "$profiler" "\"stop,collapsed,file=$work/$b.part\"" >/dev/null
    cat "$work/$b.part" >>"$work/$b.collapsed"
    requests_of[$b]=$(python3 -c "print(${requests_of[$b]} + $rps * $half)")
done

echo "$kind read ($method); $connections connections, $duration s profiled per build after $warm s;" \
    "$(nproc) cores; java: $("$java_bin" -version 2>&1 | head -n 1)"
echo "req/s while profiled: ours $(python3 -c "print(round(${requests_of[ours]} / $duration))")," \
    "baseline $(python3 -c "print(round(${requests_of[baseline]} / $duration))")"
python3 - "$work" "$method" "${requests_of[ours]}" "${requests_of[baseline]}" <<'EOF'
import sys

work, method = sys.argv[1], sys.argv[2]
requests_of = {"ours": float(sys.argv[3]), "baseline": float(sys.argv[4])}
interval_us = 500.0
parts = [
    ("whole JVM", lambda fr: True),
    ("request processing", lambda fr: any("Http11Processor.service" in x for x in fr)),
    ("repository call ." + method, lambda fr: any(x.endswith("." + method) for x in fr)),
    ("  statement in the driver", lambda fr: any(x.endswith("." + method) for x in fr)
        and any(x.startswith("org/postgresql/jdbc/PgPreparedStatement.execute") for x in fr)),
]
cost = {}
for build in ("ours", "baseline"):
    samples = dict.fromkeys([name for name, _ in parts], 0)
    with open(f"{work}/{build}.collapsed") as f:
        for line in f:
            stack, n = line.rsplit(" ", 1)
            frames = stack.split(";")
            for name, test in parts:
                if test(frames):
                    samples[name] += int(n)
    requests = requests_of[build]
    cost[build] = {name: samples[name] * interval_us / requests for name in samples}
    cost[build]["  around the statement"] = (
        cost[build]["repository call ." + method] - cost[build]["  statement in the driver"])
    cost[build]["outside the repository call"] = (
        cost[build]["whole JVM"] - cost[build]["repository call ." + method])
print(f"{'CPU per request (us)':34} {'ours':>8} {'baseline':>9} {'ratio':>7} {'difference':>11}")
for name in cost["ours"]:
    o, b = cost["ours"][name], cost["baseline"][name]
    print(f"{name:34} {o:8.1f} {b:9.1f} {o / b if b else float('nan'):7.2f} {o - b:+11.1f}")
EOF
