# Sourced by bench/login_load.sh and bench/login_flood.sh (from the checkout's root, under set -euo pipefail): the
# packaged service on a fresh PostgreSQL database with the production hash cost, its users, and the helpers that read
# the wrk scripts' output.

# login_bench_setup NAME: checks the tools, picks the jar (APP_JAR, else the newest in target/, built when there is
# none) and a port, creates the database bench_NAME_<pid> and a work directory (both removed on exit, the work
# directory kept with KEEP_WORK set) and exports what the service reads. Sets jar, port, base, db, work, password.
login_bench_setup() {
    export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
    local tool
    for tool in wrk psql curl jq; do
        command -v "$tool" >/dev/null || { echo "needs $tool (Debian: apt-get install wrk postgresql-client curl jq)" >&2; exit 1; }
    done
    jar=$(ls -t target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
    if [ -z "${APP_JAR:-}" ] && [ -z "$jar" ]; then
        ./mvnw -B -ntp -q -DskipTests package
        jar=$(ls -t target/user-service-*.jar | grep -v original | head -n 1)
    fi
    jar=${APP_JAR:-$jar}
    port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    base="http://127.0.0.1:$port"
    db="bench_$1_$$"
    work=$(mktemp -d)
    pid=
    trap login_bench_cleanup EXIT
    createdb "$db"
    export APP_JAR="$jar" POSTGRES_HOST="$PGHOST" POSTGRES_PORT="$PGPORT" POSTGRES_USER="$PGUSER" POSTGRES_DB="$db"
    export POSTGRES_PASSWORD=${PGPASSWORD:-} SECRET_KEY=$(openssl rand -hex 32) BCRYPT_STRENGTH=12 PORT=$port
    password="bench password 123"
}

login_bench_cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    dropdb --if-exists "$db" 2>/dev/null || true
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}

# login_bench_users STUDENTS NAME...: bench_solo made the normal way; student_1 to student_STUDENTS, bench_reader and
# each NAME share its cost-12 hash (copied in SQL: hashing them all would only make the benchmark slower, and every
# login still checks one full cost-12 hash).
login_bench_users() {
    local students=$1 names="('bench_reader')" name
    shift
    for name in "$@"; do names="$names, ('$name')"; done
    echo "$password" | scripts/register_user.sh --password-stdin bench_solo >/dev/null
    psql -qX -d "$db" -c "INSERT INTO users (username, hashed_password)
        SELECT 'student_' || i, hashed_password FROM users, generate_series(1, $students) i WHERE username = 'bench_solo';
        INSERT INTO users (username, hashed_password) SELECT u, hashed_password FROM users,
        (VALUES $names) names(u) WHERE username = 'bench_solo';"
}

# login_bench_serve: starts the service (its log in $work/service.log), waits until it answers and logs bench_reader
# in. Sets pid, token, reader_id.
login_bench_serve() {
    java -jar "$jar" >"$work/service.log" 2>&1 &
    pid=$!
    # Generous: on a busy shared machine the start alone can take a minute.
    for _ in $(seq 1 360); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
    curl -sf "$base/health" >/dev/null || { echo "service did not start:" >&2; tail -n 30 "$work/service.log" >&2; exit 1; }
    local login_json
    login_json=$(curl -sf -X POST "$base/auth/login" --data-urlencode username=bench_reader \
        --data-urlencode "password=$password")
    token=$(jq -r .access_token <<<"$login_json")
    reader_id=$(jq -r .user_id <<<"$login_json")
}

vacuum() { psql -qX -d "$db" -c "VACUUM ANALYZE" >/dev/null; }
# The wrk scripts' output: "key value" lines, and "status <code> <count>" for each status seen.
field() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
status() { awk -v s="$1" '$1 == "status" && $2 == s {print $3}' "$2" | grep . || echo 0; }
statuses() { awk '$1 == "status" {printf "%s%s x %s", sep, $2, $3; sep = ", "}' "$1"; }
# The checks a load leaves queued (at most HASHING_MAX_WAIT, 3 s, of them) still run after its clients are gone; a
# measurement after it must not share the cores with them.
drain() { sleep 5; }
# login_bench_limit OUT: the bcrypt limit from OUT, a run of one connection logging in over and over (one check, plus
# HTTP and two short transactions, a login). Sets single_ok, single_s, cores, check_ms and limit (logins/s).
login_bench_limit() {
    single_ok=$(status 200 "$1")
    single_s=$(field seconds "$1")
    cores=$(nproc)
    check_ms=$(awk -v s="$single_s" -v n="$single_ok" 'BEGIN {printf "%.1f", 1000 * s / n}')
    limit=$(awk -v c="$cores" -v ms="$check_ms" 'BEGIN {printf "%.2f", c * 1000 / ms}')
}
