#!/usr/bin/env bash
# Authentication throughput: what presenting a token and reading a user's data cost. Runs the packaged service on a
# PostgreSQL database of its own, creates one user with a token, settings and chat sessions, warms up, then measures
# with wrk (16 connections, 2 threads):
#   GET /health without a credential, GET /health with a token, GET /profile/{id}/xp, GET /settings/{id} and
#   GET /sessions/user/{id} with a token,
# and prints req/s and each as a ratio of the first. Issue 9's targets: /health with a token >= 0.80 and
# /profile/{id}/xp >= 0.50 of /health without one.
#
# With BASELINE_JAR, a second build (e.g. of an older commit) runs beside it on a database of its own, with the same
# user and data; both are warmed alike, each request is measured ROUNDS times on each, alternating which goes first,
# and the table adds the baseline's req/s and ours as a ratio of it (issue 22: >= 0.95 for every request).
#
#   bench/auth_throughput.sh                 builds the jar if there is none (./mvnw -DskipTests package)
#   BENCH_JAR=/path/other.jar bench/auth_throughput.sh      measures that jar instead (e.g. a build of main)
#   BASELINE_JAR=/path/base.jar bench/auth_throughput.sh    ours against that build, in one run
#
# Warming up: each request first runs WARMUP at one connection, then 5 s at full concurrency. With 16 connections
# saturating 2 cores from the start, the JIT's compiler threads get a sliver of the CPU, and a service needed over a
# minute to reach its steady rate (measured: 580 req/s in the first 5 s, 3,000 after 70 s, 5,900 once compiled), so
# the table measured how fast each build compiles under starvation rather than what a request costs.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres, needs CREATEDB; PGPASSWORD if not trust),
# BENCH_DB (bench_auth_throughput; the baseline's adds _baseline; dropped and created), CONNECTIONS (16),
# DURATION (15s), WARMUP (10s per request), ROUNDS (2, with a baseline), JAVA_OPTS.
# Needs wrk (Debian: apt-get install -y wrk), curl, psql, createdb.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/read_data.sh

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db=${BENCH_DB:-bench_auth_throughput}
connections=${CONNECTIONS:-16}
duration=${DURATION:-15s}
warmup=${WARMUP:-10s}
rounds=${ROUNDS:-2}
baseline_jar=${BASELINE_JAR:-}

for tool in curl psql createdb dropdb java openssl; do
    command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 1; }
done
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing wrk (apt-get install -y wrk)" >&2
        apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
    else
        echo "needs wrk: sudo apt-get install -y wrk (Debian/Ubuntu)" >&2
        exit 1
    fi
fi

jar=${BENCH_JAR:-$(ls target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
if [ -z "$jar" ]; then
    echo "building the jar (./mvnw -DskipTests package)" >&2
    ./mvnw -B -ntp -q -DskipTests package >&2
    jar=$(ls target/user-service-*.jar | grep -v original | head -n 1)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
secret=$(openssl rand -hex 32)

builds=(ours)
[ -n "$baseline_jar" ] && builds+=(baseline)
declare -A jar_of=([ours]=$jar [baseline]=$baseline_jar) db_of=([ours]=$db [baseline]=${db}_baseline)
declare -A pid_of=() base_of=() auth_of=() id_of=()

cleanup() {
    local b
    for b in "${!pid_of[@]}"; do kill "${pid_of[$b]}" 2>/dev/null && wait "${pid_of[$b]}" 2>/dev/null || true; done
    for b in "${builds[@]}"; do dropdb --if-exists "${db_of[$b]}" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# start BUILD: the service on a database of its own, one user who logs in, two stored settings and ten chat sessions.
start() {
    local b=$1 port base
    port=$(free_port)
    base="http://127.0.0.1:$port"
    dropdb --if-exists "${db_of[$b]}"
    createdb "${db_of[$b]}"
    export POSTGRES_HOST=$PGHOST POSTGRES_PORT=$PGPORT POSTGRES_USER=$PGUSER POSTGRES_PASSWORD=${PGPASSWORD:-} \
        POSTGRES_DB=${db_of[$b]} SECRET_KEY=$secret PORT=$port APP_JAR=${jar_of[$b]}
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -jar "${jar_of[$b]}" >"$work/$b.log" 2>&1 &
    pid_of[$b]=$!
    for _ in $(seq 1 300); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
    curl -sf "$base/health" >/dev/null || { echo "$b did not start:" >&2; tail -n 30 "$work/$b.log" >&2; exit 1; }

    local seeded token id
    seeded=$(seed_read_data "$base")
    read -r token id <<<"$seeded"
    local auth="Authorization: Bearer $token"
    base_of[$b]=$base auth_of[$b]=$auth id_of[$b]=$id
}

names=("GET /health, no credential" "GET /health, token" "GET /profile/{id}/xp, token" "GET /settings/{id}, token"
    "GET /sessions/user/{id}, token")

# run_wrk BUILD INDEX CONNECTIONS SECONDS -> req/s
run_wrk() {
    local b=$1 i=$2 id=${id_of[$1]} path header= out status
    local paths=("/health" "/health" "/profile/$id/xp" "/settings/$id" "/sessions/user/$id")
    [ "$i" -gt 0 ] && header=${auth_of[$b]}
    local args=(-t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"$4" --latency)
    [ -n "$header" ] && args+=(-H "$header")
    path=${base_of[$b]}${paths[$i]}
    out=$(wrk "${args[@]}" "$path")
    # Every answer must be a 200: a benchmark of 401s would measure nothing.
    status=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "$path")
    if [ "$status" != 200 ] || grep -q 'Non-2xx' <<<"$out"; then
        echo "$b: ${names[$i]} did not answer 200 (got $status):" >&2
        echo "$out" >&2
        exit 1
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

for b in "${builds[@]}"; do start "$b"; done

echo "warming up ($warmup at 1 connection, then 5s at $connections, per request and build)..." >&2
for b in "${builds[@]}"; do
    for i in "${!names[@]}"; do
        run_wrk "$b" "$i" 1 "$warmup" >/dev/null
        run_wrk "$b" "$i" "$connections" 5s >/dev/null
    done
done

declare -A rps=()
n=$([ ${#builds[@]} = 2 ] && echo "$rounds" || echo 1)
for i in "${!names[@]}"; do
    for r in $(seq 1 "$n"); do
        order=("${builds[@]}")
        # Alternate which build goes first, so that neither always runs on the machine the other just heated.
        [ $((r % 2)) = 0 ] && [ ${#builds[@]} = 2 ] && order=(baseline ours)
        for b in "${order[@]}"; do
            psql -q -d "${db_of[$b]}" -c 'VACUUM ANALYZE' >/dev/null
            rps[$b,$i]="${rps[$b,$i]:-} $(run_wrk "$b" "$i" "$connections" "$duration")"
        done
    done
done
mean() { awk '{s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF}' <<<"$1"; }

echo
echo "wrk: $connections connections, $duration per request and round, 2 threads; $(nproc) cores;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n 1); jar: $jar${baseline_jar:+; baseline: $baseline_jar ($n rounds each, mean)}"
if [ -z "$baseline_jar" ]; then
    printf '%-32s %12s %10s\n' "request" "req/s" "ratio"
    h=$(mean "${rps[ours,0]}")
    for i in "${!names[@]}"; do
        awk -v n="${names[$i]}" -v r="$(mean "${rps[ours,$i]}")" -v h="$h" 'BEGIN {printf "%-32s %12.0f %10.2f\n", n, r, r/h}'
    done
else
    printf '%-32s %12s %10s %14s %12s   %s\n' "request" "req/s" "ratio" "baseline req/s" "vs baseline" "rounds (ours | baseline)"
    h=$(mean "${rps[ours,0]}")
    for i in "${!names[@]}"; do
        awk -v n="${names[$i]}" -v r="$(mean "${rps[ours,$i]}")" -v h="$h" -v b="$(mean "${rps[baseline,$i]}")" \
            -v rounds="${rps[ours,$i]# } |${rps[baseline,$i]}" \
            'BEGIN {printf "%-32s %12.0f %10.2f %14.0f %12.2f   %s\n", n, r, r/h, b, r/b, rounds}'
    done
fi
