#!/usr/bin/env bash
# Scale-out harness (issue 24): N instances of the packaged service (scripts/serve.sh) on one PostgreSQL database behind
# HAProxy, as an operator runs them (docs/scaling.md), under a bounded mixed load. Prints, phase by phase:
#   0. N instances started at the same moment on an empty database: time until all are ready, migrations applied once;
#   1. a rolling restart under load (SIGTERM, start, ready and back in HAProxy, one instance at a time): failed requests
#      (must be 0) and the invariants, checked in the database;
#   2. kill -9 of one instance under load: failed requests (at most those in flight on it: never more than the clients,
#      all at the kill) and the invariants;
#   3. a logout on one instance and a role change (admin CLI), refused on every instance within 1 s;
#   4. the same through PgBouncer in transaction mode (pool URL with prepareThreshold=0, the token-state LISTEN straight
#      to PostgreSQL): a restart onto it, load with 0 failed requests, invariants, and 3. again.
# Invariants, per load user: XP equals the sum of acknowledged adds (plus at most the adds whose answer was lost, which
# only a kill may leave); sessions at most MAX_USER_SESSIONS; every acknowledged session among the newest cap ones
# attempted is stored (not lost), no stored session was never attempted, none twice (the unique session_id).
#
#   bench/scale_out.sh     INSTANCES (3), CLIENTS (8 load users, one closed-loop connection each), PHASE_SECONDS (8: load
#                          before and after each event), PORT_BASE (18400: HAProxy on it, its stats on +1, PgBouncer on
#                          +2, instances on +11...), DB_POOL_SIZE (4 per instance), DB (database name, created and
#                          dropped), PGHOST/PGPORT/PGUSER (127.0.0.1:5432 postgres, trust authentication)
# Needs haproxy, pgbouncer, psql, curl, python3 (Debian: apt-get install haproxy pgbouncer postgresql-client curl
# python3) and a JDK (JAVA or JAVA_HOME, else java on the PATH; JDK 25 starts fastest); builds the jar when target/ has
# none. Exits 1 when an acceptance check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
n=${INSTANCES:-3}
clients=${CLIENTS:-8}
phase=${PHASE_SECONDS:-8}
base=${PORT_BASE:-18400}
db=${DB:-bench_scale_out_$$}
for tool in haproxy pgbouncer psql createdb curl python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool (Debian: apt-get install haproxy pgbouncer postgresql-client curl python3)" >&2; exit 1; }
done
java_bin=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
java_bin=${java_bin:-java}
jar=$(ls -t target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
    ./mvnw -B -ntp -q -DskipTests package
    jar=$(ls -t target/user-service-*.jar | grep -v original | head -n 1)
fi
front="http://127.0.0.1:$base"
stats="http://127.0.0.1:$((base + 1))/stats;csv"
bouncer_port=$((base + 2))
password="scale out password"
cap=${MAX_USER_SESSIONS:-10}
work=$(mktemp -d)
chmod 755 "$work"
declare -a pids=()
haproxy_pid= bouncer_pid= load_pid=
haproxy_seen=0
failed_checks=0

cleanup() {
    local pid
    for pid in "${pids[@]}" $load_pid $haproxy_pid $bouncer_pid; do
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    dropdb --if-exists "$db" 2>/dev/null || true
    dropdb --if-exists "${db}_prep" 2>/dev/null || true
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
verdict() { # verdict <ok?> <text>
    if [ "$1" = true ]; then echo "  ok    $2"; else echo "  FAIL  $2"; failed_checks=$((failed_checks + 1)); fi
}

export APP_JAR="$jar" JAVA="$java_bin" SECRET_KEY=$(openssl rand -hex 32) BCRYPT_STRENGTH=${BCRYPT_STRENGTH:-10}
export SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
export DB_POOL_SIZE=${DB_POOL_SIZE:-4} DB_POOL_MIN_IDLE=1 MAX_USER_SESSIONS=$cap LOG_FORMAT=plain
direct_url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
# The admin CLI calls (first user, role change) use this; each instance gets its own below.
export SPRING_DATASOURCE_URL="$direct_url"

# The JVM's class cache is built once per jar and JVM, in a training run that starts the service on the configured
# database: on a throwaway one, so that the database under test is empty when the instances start.
createdb "${db}_prep"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/${db}_prep" scripts/serve.sh --prepare >"$work/prepare.log" 2>&1 \
    || { echo "scripts/serve.sh --prepare failed:" >&2; tail -n 20 "$work/prepare.log" >&2; exit 1; }
dropdb "${db}_prep"
createdb "$db"

instance_port() { echo $((base + 10 + $1)); }
start_instance() { # start_instance <i> [VAR=value...]: scripts/serve.sh in the background
    local i=$1
    shift
    env "$@" PORT="$(instance_port "$i")" scripts/serve.sh >>"$work/instance$i.log" 2>&1 &
    pids[i]=$!
}
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(instance_port "$1")/actuator/health/readiness")" = 200 ]; }
await_ready() {
    local i=$1 tries=0
    until ready "$i"; do
        tries=$((tries + 1))
        if [ $tries -gt 1200 ] || ! kill -0 "${pids[i]}" 2>/dev/null; then
            echo "instance $i did not become ready:" >&2; tail -n 30 "$work/instance$i.log" >&2; exit 1
        fi
        sleep 0.1
    done
}
in_haproxy() { curl -s "$stats" | awk -F, -v s="s$1" '$1 == "users" && $2 == s { print $18 }' | grep -q '^UP'; }
await_in_haproxy() { local tries=0; until in_haproxy "$1"; do tries=$((tries + 1)); [ $tries -lt 300 ] || { echo "s$1 never UP in HAProxy" >&2; exit 1; }; sleep 0.1; done; }
stop_instance() { # SIGTERM, as an orchestrator stops a container; waits for the process to end
    kill -TERM "${pids[$1]}"
    wait "${pids[$1]}" 2>/dev/null || true
}

# ---- HAProxy: readiness checks every 300 ms (down after 2 failures), a refused connection retried on another server
cat >"$work/haproxy.cfg" <<EOF
global
    maxconn 512
    log stdout format raw local0
defaults
    mode http
    log global
    option httplog
    # Only requests that failed or were retried are logged (and shown below when there are any).
    option dontlog-normal
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    timeout http-keep-alive 10s
    retries 3
    option redispatch 1
    retry-on conn-failure
frontend front
    bind 127.0.0.1:$base
    default_backend users
frontend stats
    bind 127.0.0.1:$((base + 1))
    stats enable
    stats uri /stats
backend users
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    # A check may take longer than the interval on a busy machine: a slow answer is not a dead instance.
    timeout check 2s
    default-server inter 300ms fall 2 rise 2
EOF
for i in $(seq 1 "$n"); do echo "    server s$i 127.0.0.1:$(instance_port "$i") check" >>"$work/haproxy.cfg"; done
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!

echo "== 0. $n instances started together on an empty database ($(basename "$jar"), $("$java_bin" -version 2>&1 | head -n 1))"
t0=$(now_ms)
for i in $(seq 1 "$n"); do start_instance "$i" SPRING_DATASOURCE_URL="$direct_url"; done
for i in $(seq 1 "$n"); do await_ready "$i"; done
echo "  all $n ready after $(( ($(now_ms) - t0) ))ms"
read -r applied distinct failed_migrations < <(psql -qAtX -F ' ' -d "$db" -c "SELECT count(*), count(DISTINCT version),
    count(*) FILTER (WHERE NOT success) FROM flyway_schema_history WHERE version IS NOT NULL")
verdict "$([ "$applied" -gt 0 ] && [ "$applied" = "$distinct" ] && [ "$failed_migrations" = 0 ] && echo true || echo false)" \
    "migrations applied exactly once: $applied rows, $distinct versions, $failed_migrations failed"
for i in $(seq 1 "$n"); do await_in_haproxy "$i"; done

# ---- users: one registered through the admin CLI; the others share its hash (copied in SQL: hashing them all would
# only make the harness slower)
printf '%s\n' "$password" | scripts/register_user.sh --password-stdin scale_seed >/dev/null
psql -qX -d "$db" -c "INSERT INTO users (username, hashed_password, role)
    SELECT p || '_' || i, hashed_password, CASE WHEN p LIKE 'admin%' THEN 'admin' ELSE 'user' END
    FROM users, generate_series(1, $clients) i, unnest(ARRAY['rolling', 'kill', 'bouncer']) p WHERE username = 'scale_seed'
    UNION ALL SELECT p, hashed_password, CASE WHEN p LIKE 'admin%' THEN 'admin' ELSE 'user' END
    FROM users, unnest(ARRAY['logout_direct', 'admin_direct', 'logout_bouncer', 'admin_bouncer']) p
    WHERE username = 'scale_seed'"

start_load() { # start_load <user prefix>: returns once every load user has logged in
    rm -f "$work/stop" "$work/stop.started"
    local users=()
    for i in $(seq 1 "$clients"); do users+=("$1_$i"); done
    "$java_bin" bench/ScaleOutLoad.java load "$front" "$work/stop" "$work/load-$1.txt" "$password" "${users[@]}" \
        >"$work/load-$1.log" 2>&1 &
    load_pid=$!
    until [ -e "$work/stop.started" ]; do
        kill -0 "$load_pid" 2>/dev/null || { echo "load client failed:" >&2; cat "$work/load-$1.log" >&2; exit 1; }
        sleep 0.1
    done
}
stop_load() {
    touch "$work/stop"
    wait "$load_pid"
    load_pid=
}
# check_load <user prefix> <allowed failures> [<kill time ms>]: the failed requests and the invariants in the database
check_load() {
    local out="$work/load-$1.txt"
    echo "  load: $(head -n 1 "$out" | cut -d' ' -f2-)"
    grep '^failure ' "$out" | sed 's/^/    /' | head -n 20 || true
    # HAProxy logs only the requests that failed or were retried (dontlog-normal; +1 in the retries field: the connection
    # to the first server failed and the request went to another), here those of this phase.
    tail -n +$((haproxy_seen + 1)) "$work/haproxy.log" | grep -a 'HTTP/1.1' | sed 's/^/    haproxy: /' | head -n 20 || true
    haproxy_seen=$(wc -l <"$work/haproxy.log")
    local failed requests users
    failed=$(grep -c '^failure ' "$out" || true)
    requests=$(head -n 1 "$out" | sed 's/.*requests=\([0-9]*\).*/\1/')
    users=$(grep -c '^user ' "$out" || true)
    verdict "$([ "$users" = "$clients" ] && [ "$requests" -ge $((clients * 10)) ] && echo true || echo false)" \
        "load ran: $users/$clients users logged in, $requests requests"
    if [ -n "${3:-}" ]; then
        local near
        near=$(awk -v k="$3" '$1 == "failure" && $2 >= k - 100 && $2 <= k + 3000' "$out" | wc -l)
        verdict "$([ "$failed" -le "$2" ] && [ "$near" = "$failed" ] && echo true || echo false)" \
            "failed requests: $failed, all within 3 s of the kill: $near (at most $2: one in flight per client)"
    else
        verdict "$([ "$failed" -le "$2" ] && echo true || echo false)" "failed requests: $failed (allowed: $2)"
    fi
    psql -qAtX -F ' ' -d "$db" -c "SELECT u.id, u.xp, coalesce(string_agg(s.session_id, ',' ORDER BY s.session_id), '-')
        FROM users u LEFT JOIN chat_sessions s ON s.user_id = u.id WHERE u.username LIKE '$1\\_%' GROUP BY u.id, u.xp" \
        >"$work/db-$1.txt"
    python3 - "$out" "$work/db-$1.txt" "$cap" <<'PY' | while read -r ok text; do verdict "$ok" "$text"; done
import sys
load, db, cap = sys.argv[1], sys.argv[2], int(sys.argv[3])
stored = {}
for line in open(db):
    uid, xp, sessions = line.split()
    stored[uid] = (int(xp), [] if sessions == "-" else sessions.split(","))
users = [l.split() for l in open(load) if l.startswith("user ")]
seq = lambda sid: int(sid.rsplit("_", 1)[1])
xp_exact = xp_bounded = 0
acked_xp = ambiguous_xp = lost = phantom = over_cap = acked_sessions = 0
for _, uid, acked, ambiguous, ok_ids, lost_ids in users:
    acked, ambiguous = int(acked), int(ambiguous)
    ok_ids = [] if ok_ids == "-" else ok_ids.split(",")
    lost_ids = [] if lost_ids == "-" else lost_ids.split(",")
    xp, rows = stored[uid]
    acked_xp += acked; ambiguous_xp += ambiguous; acked_sessions += len(ok_ids)
    xp_exact += xp == acked
    xp_bounded += acked <= xp <= acked + ambiguous
    newest = set(sorted(ok_ids + lost_ids, key=seq)[-cap:])
    lost += sum(1 for s in ok_ids if s in newest and s not in rows)
    phantom += sum(1 for s in rows if s not in ok_ids and s not in lost_ids)
    over_cap += len(rows) > cap
n = len(users)
if ambiguous_xp == 0:
    print("true" if xp_exact == n else "false",
          f"XP equals the sum of acknowledged adds for {xp_exact}/{n} users ({acked_xp} XP acknowledged)")
else:
    print("true" if xp_bounded == n else "false",
          f"XP = acknowledged adds + part of the {ambiguous_xp} XP whose answer was lost, for {xp_bounded}/{n} users"
          f" ({acked_xp} XP acknowledged; exactly the acknowledged for {xp_exact})")
print("true" if over_cap == 0 else "false", f"session cap {cap} held: {n - over_cap}/{n} users")
print("true" if lost == 0 and phantom == 0 else "false",
      f"sessions: {acked_sessions} acknowledged, {lost} acknowledged and lost, {phantom} stored but never attempted")
PY
}

echo "== 1. rolling restart under load ($clients clients through HAProxy)"
start_load rolling
sleep "$phase"
for i in $(seq 1 "$n"); do
    t=$(now_ms)
    stop_instance "$i"
    stopped=$(now_ms)
    start_instance "$i" SPRING_DATASOURCE_URL="$direct_url"
    await_ready "$i"
    await_in_haproxy "$i"
    echo "  s$i: stopped in $((stopped - t))ms (drain and graceful shutdown), back in HAProxy $(($(now_ms) - stopped))ms later"
done
sleep "$phase"
stop_load
check_load rolling 0

echo "== 2. kill -9 of one instance under load"
start_load kill
sleep "$phase"
killed=$(now_ms)
kill -9 "${pids[2]}"
wait "${pids[2]}" 2>/dev/null || true
sleep 2
start_instance 2 SPRING_DATASOURCE_URL="$direct_url"
await_ready 2
await_in_haproxy 2
sleep "$phase"
stop_load
check_load kill "$clients" "$killed"

urls=$(for i in $(seq 1 "$n"); do printf 'http://127.0.0.1:%s,' "$(instance_port "$i")"; done)
urls=${urls%,}
coherence() { # coherence <logout user> <admin user>
    if "$java_bin" bench/ScaleOutLoad.java coherence "$password" "$1" "$2" "$urls" scripts/set_role.sh "$2" user \
        >"$work/coherence-$1.txt" 2>&1; then
        sed 's/^/  ok    /' "$work/coherence-$1.txt"
    else
        sed 's/^/  FAIL  /' "$work/coherence-$1.txt"
        failed_checks=$((failed_checks + 1))
    fi
}
echo "== 3. logout and role change seen by every instance"
coherence logout_direct admin_direct

echo "== 4. PgBouncer in transaction mode (pool through it with prepareThreshold=0; LISTEN straight to PostgreSQL)"
echo "\"$PGUSER\" \"\"" >"$work/userlist.txt"
cat >"$work/pgbouncer.ini" <<EOF
[databases]
$db = host=$PGHOST port=$PGPORT dbname=$db
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = trust
auth_file = $work/userlist.txt
admin_users = $PGUSER
pool_mode = transaction
default_pool_size = $((n * 2))
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
EOF
chmod 644 "$work/pgbouncer.ini" "$work/userlist.txt"
bouncer=(pgbouncer "$work/pgbouncer.ini")
# PgBouncer refuses to run as root.
[ "$(id -u)" != 0 ] || bouncer=(setpriv --reuid=65534 --regid=65534 --clear-groups "${bouncer[@]}")
"${bouncer[@]}" >"$work/pgbouncer.log" 2>&1 &
bouncer_pid=$!
until psql -qAtX -h 127.0.0.1 -p "$bouncer_port" -d pgbouncer -c 'SHOW VERSION' >/dev/null 2>&1; do
    kill -0 "$bouncer_pid" 2>/dev/null || { echo "pgbouncer did not start:" >&2; cat "$work/pgbouncer.log" >&2; exit 1; }
    sleep 0.1
done
bouncer_url="jdbc:postgresql://127.0.0.1:$bouncer_port/$db?prepareThreshold=0"
for i in $(seq 1 "$n"); do
    stop_instance "$i"
    start_instance "$i" SPRING_DATASOURCE_URL="$bouncer_url" TOKEN_STATE_LISTEN_URL="$direct_url"
    await_ready "$i"
    await_in_haproxy "$i"
done
start_load bouncer
sleep $((phase * 2))
stop_load
check_load bouncer 0
backends=$(psql -qAtX -d "$db" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db'
    AND application_name NOT LIKE 'user-service token-state listener%' AND backend_type = 'client backend'")
listeners=$(psql -qAtX -d "$db" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db'
    AND application_name = 'user-service token-state listener'")
transactions=$(psql -qAtX -h 127.0.0.1 -p "$bouncer_port" -d pgbouncer -c 'SHOW STATS' | awk -F'|' -v d="$db" '$1 == d { print $2 }')
echo "  through PgBouncer: $transactions transactions; on PostgreSQL now: $listeners LISTEN connections (direct),"\
    "$((backends - 1)) other connections of the service and PgBouncer"
coherence logout_bouncer admin_bouncer

echo "== instance logs: errors"
errors=$(cat "$work"/instance*.log | grep -c -E ' ERROR |Exception' || true)
verdict "$([ "$errors" = 0 ] && echo true || echo false)" "ERROR lines or exceptions in the instances' logs: $errors"
[ "$errors" = 0 ] || cat "$work"/instance*.log | grep -E ' ERROR |Exception' | sort | uniq -c | sort -rn | head -n 10

if [ "$failed_checks" = 0 ]; then echo "== all checks passed"; else echo "== $failed_checks checks FAILED"; exit 1; fi
