#!/usr/bin/env bash
# Authentication throughput: what presenting a token costs. Runs the packaged service on a PostgreSQL database of its
# own, creates one user with a token, settings and chat sessions, warms up, then measures with wrk (16 connections,
# 15 s each, one run):
#   GET /health without a credential, GET /health with a token, GET /profile/{id}/xp, GET /settings/{id} and
#   GET /sessions/user/{id} with a token,
# and prints req/s and each as a ratio of the first. Issue 9's targets: /health with a token >= 0.80 and
# /profile/{id}/xp >= 0.50 of /health without one.
#
#   bench/auth_throughput.sh                 builds the jar if there is none (./mvnw -DskipTests package)
#   BENCH_JAR=/path/other.jar bench/auth_throughput.sh      measures that jar instead (e.g. a build of main)
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres, needs CREATEDB; PGPASSWORD if not trust),
# BENCH_DB (bench_auth_throughput, dropped and created), PORT (a free one), CONNECTIONS (16), DURATION (15s),
# WARMUP (10s per request), JAVA_OPTS. Needs wrk (Debian: apt-get install -y wrk), curl, psql, createdb.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db=${BENCH_DB:-bench_auth_throughput}
connections=${CONNECTIONS:-16}
duration=${DURATION:-15s}
warmup=${WARMUP:-10s}

for tool in curl psql createdb dropdb java; do
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
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
    dropdb --if-exists "$db" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

dropdb --if-exists "$db"
createdb "$db"
export POSTGRES_HOST=$PGHOST POSTGRES_PORT=$PGPORT POSTGRES_USER=$PGUSER POSTGRES_PASSWORD=${PGPASSWORD:-} \
    POSTGRES_DB=$db SECRET_KEY=$(openssl rand -hex 32) PORT=$port APP_JAR=$jar
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
curl -sf "$base/health" >/dev/null || { echo "the service did not start:" >&2; tail -n 30 "$work/service.log" >&2; exit 1; }

password="bench password 123"
echo "$password" | scripts/register_user.sh --password-stdin bench_user >/dev/null
login=$(curl -sf -X POST "$base/auth/login" --data-urlencode username=bench_user --data-urlencode "password=$password")
token=$(sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$login")
id=$(sed -E 's/.*"user_id":"([^"]+)".*/\1/' <<<"$login")
auth="Authorization: Bearer $token"
json="Content-Type: application/json"
curl -sf -o /dev/null -X POST "$base/settings/$id" -H "$auth" -H "$json" \
    -d '{"agent":{"provider":"zai","model":"glm-4.6v"},"rag":{"provider":"openai","model":"gpt-4o-mini"}}'
for i in $(seq 1 10); do
    curl -sf -o /dev/null -X POST "$base/sessions/" -H "$auth" -H "$json" \
        -d "{\"user_id\":\"$id\",\"session_id\":\"bench-session-$i\",\"title\":\"session $i\"}"
done

names=("GET /health, no credential" "GET /health, token" "GET /profile/{id}/xp, token" "GET /settings/{id}, token"
    "GET /sessions/user/{id}, token")
paths=("/health" "/health" "/profile/$id/xp" "/settings/$id" "/sessions/user/$id")
headers=("" "$auth" "$auth" "$auth" "$auth")

run_wrk() { # index seconds -> req/s
    local args=(-t2 -c"$connections" -d"$2" --latency)
    [ -n "${headers[$1]}" ] && args+=(-H "${headers[$1]}")
    local out status
    out=$(wrk "${args[@]}" "$base${paths[$1]}")
    # Every answer must be a 200: a benchmark of 401s would measure nothing.
    status=$(curl -s -o /dev/null -w '%{http_code}' ${headers[$1]:+-H "${headers[$1]}"} "$base${paths[$1]}")
    if [ "$status" != 200 ] || grep -q 'Non-2xx' <<<"$out"; then
        echo "${names[$1]} did not answer 200 (got $status):" >&2
        echo "$out" >&2
        exit 1
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "warming up ($warmup per request)..." >&2
for i in "${!paths[@]}"; do run_wrk "$i" "$warmup" >/dev/null; done

declare -a rps
for i in "${!paths[@]}"; do
    psql -q -d "$db" -c 'VACUUM ANALYZE' >/dev/null
    rps[$i]=$(run_wrk "$i" "$duration")
done

echo
echo "wrk: $connections connections, $duration per request, 2 threads; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n 1); jar: $jar"
printf '%-32s %12s %10s\n' "request" "req/s" "ratio"
for i in "${!paths[@]}"; do
    awk -v n="${names[$i]}" -v r="${rps[$i]}" -v b="${rps[0]}" 'BEGIN {printf "%-32s %12.0f %10.2f\n", n, r, r/b}'
done
