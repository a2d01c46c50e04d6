#!/usr/bin/env bash
# Login timing: an unknown username must cost what a wrong password costs, so that response times do not tell which
# usernames exist. Starts the packaged service on an embedded database with the production hash cost (12), creates one
# user with the admin CLI, then times N logins of each kind with curl and prints the medians.
#
#   bench/login_timing.sh [rounds]        (default 40; needs a built jar: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-40}
jar=$(ls target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$jar" ] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export USER_SERVICE_DATA_DIR="$work" APP_JAR="$jar" SECRET_KEY=$(openssl rand -hex 32)
export BCRYPT_STRENGTH=12 LOGIN_MAX_FAILED_ATTEMPTS=1000000 PORT=$port
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

scripts/register_user.sh bench_user "bench password 123" user >/dev/null
java -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

time_login() { # username password -> seconds
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/auth/login" \
        --data-urlencode "username=$1" --data-urlencode "password=$2"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_login bench_user warmup >/dev/null
: >"$work/wrong"; : >"$work/unknown"; : >"$work/right"
for i in $(seq 1 "$rounds"); do
    time_login bench_user "wrong password $i" >>"$work/wrong"
    time_login "nobody_$i" "wrong password $i" >>"$work/unknown"
done
for i in $(seq 1 10); do time_login bench_user "bench password 123" >>"$work/right"; done

wrong=$(median <"$work/wrong"); unknown=$(median <"$work/unknown"); right=$(median <"$work/right")
echo "rounds=$rounds bcrypt_cost=12"
echo "median wrong password : ${wrong}s"
echo "median unknown user   : ${unknown}s"
echo "median right password : ${right}s"
awk -v a="$wrong" -v b="$unknown" 'BEGIN {d=(a>b?a-b:b-a); printf "difference            : %.1f ms (%.1f%% of a wrong-password login)\n", d*1000, 100*d/a}'
