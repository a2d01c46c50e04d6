#!/usr/bin/env bash
# Login floods from clients that do NOT honour Retry-After (issue 23), in one run on one machine. Starts the packaged
# service on a fresh PostgreSQL database with the production hash cost (BCRYPT_STRENGTH=12) behind a trusted proxy
# (TRUSTED_PROXIES=127.0.0.1, every client named by X-Forwarded-For) and prints, for floods of 16, 64 and 256
# connections (closed loop: each connection sends its next login the moment it has an answer, whatever the answer;
# 64 users, right passwords, all from one address):
#   - goodput: successful logins/s (flood and polite client together) as a % of the bcrypt limit measured in the same
#     run (cores / the time of one password check, one login at a time, as bench/login_load.sh measures it);
#   - refusals/s, and any answer that is neither 200 nor a refusal (a 403 or 500 for a right password fails the run);
#   - one well-behaved client from a second address (one connection, honours Retry-After): its logins/s and its
#     longest gap between two successes (whole seconds);
#   - an authenticated read (GET /settings/{id}, 2 paced connections) during the flood: p99 against its idle p99;
#   - the time from the flood's end to the first 200 of a login from a third address.
#
#   bench/login_flood.sh          (PGHOST/PGPORT/PGUSER select the server, default 127.0.0.1:5432 postgres;
#                                  PORT the HTTP port, default a free one; DURATION seconds per level, default 20;
#                                  LEVELS the flood sizes, default "16 64 256"; APP_JAR the jar to run)
# Needs wrk (apt-get install wrk), psql, curl, jq; builds the jar when target/ has none and APP_JAR is unset (set-up:
# bench/lib/login_bench.sh). About 2.5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib/login_bench.sh
duration=${DURATION:-20}
levels=${LEVELS:-16 64 256}
login_bench_setup login_flood
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
export TRUSTED_PROXIES=127.0.0.1
students=64
flooder=198.51.100.1 polite=198.51.100.2 latecomer=198.51.100.3
login_bench_users "$students" bench_polite bench_late
login_bench_serve

# Per-thread status counts merged in done(); HONOUR decides whether a connection waits out Retry-After. The longest
# gap between two successes is kept in whole seconds (wrk's Lua has no finer wall clock).
count_lua() {
    cat <<EOF
local threads = {}
function setup(thread) table.insert(threads, thread) end
counts = {}
backoff = 0
last_ok = nil
first_ok = nil
gap = 0
honour = $1
function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
    if status == 200 then
        local now = os.time()
        if last_ok and now - last_ok > gap then gap = now - last_ok end
        if not first_ok then first_ok = now end
        last_ok = now
    end
    local after = headers["Retry-After"] or headers["retry-after"]
    if after and honour then backoff = (tonumber(after) or 1) * 1000 end
end
function delay()
    local wait = backoff
    backoff = 0
    return wait
end
function done(summary, latency, requests)
    local total, g = {}, 0
    for _, t in ipairs(threads) do
        for status, n in pairs(t:get("counts")) do total[status] = (total[status] or 0) + n end
        if t:get("gap") > g then g = t:get("gap") end
    end
    for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
    io.write(string.format("gap_s %d\n", g))
    io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout))
    io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
    io.write(string.format("seconds %.2f\n", summary.duration / 1e6))
end
EOF
}
login_lua() { # honour, address, username expression
    count_lua "$1"
    cat <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Forwarded-For"] = "$2"
n = 0
function request()
    n = n + 1
    return wrk.format(nil, "/auth/login", nil, "username=" .. $3 .. "&password=bench+password+123")
end
EOF
}
login_lua false "$flooder" "'student_' .. (n % $students + 1)" >"$work/flood.lua"
login_lua true "$flooder" "'student_' .. (n % $students + 1)" >"$work/single.lua"
login_lua true "$polite" "'bench_polite'" >"$work/polite.lua"
{ count_lua true; cat <<EOF
wrk.headers["Authorization"] = "Bearer $token"
wrk.path = "/settings/$reader_id"
-- Paced (about 40 reads/s per connection): a latency probe that takes little CPU from the hashing.
function delay() return 25 end
EOF
} >"$work/read.lua"

# Everything bounded: wrk's own timeout well above any wait the service imposes.
wrk_run() { wrk -t"$(($1 < 2 ? 1 : 2))" -c"$1" -d"$2"s --timeout 20s -s "$3" "$base" >"$4" 2>&1; }

# Warm-up (JIT, pools), not measured: reads compile the shared request path, a flood compiles login and refusals.
wrk -t2 -c8 -d10s -H "Authorization: Bearer $token" "$base/settings/$reader_id" >/dev/null 2>&1
wrk_run 64 15 "$work/flood.lua" /dev/null
drain
vacuum

# The limit: one connection logging in over and over, on idle cores.
wrk_run 1 10 "$work/single.lua" "$work/single.out"
login_bench_limit "$work/single.out"
wrk_run 2 10 "$work/read.lua" "$work/read_idle.out"
idle_p99=$(field p99_ms "$work/read_idle.out")
vacuum

# First 200 of a login from a fresh address, in seconds from now (retrying at once on a refusal; 30 s at most).
first_success() {
    local start now code
    start=$(date +%s.%N)
    for _ in $(seq 1 300); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base/auth/login" \
            -H "X-Forwarded-For: $latecomer" --data-urlencode username=bench_late \
            --data-urlencode "password=$password" || true)
        [ "$code" = 200 ] && break
        sleep 0.1
    done
    now=$(date +%s.%N)
    if [ "$code" = 200 ]; then awk -v a="$start" -v b="$now" 'BEGIN {printf "%.2f", b - a}'; else echo never; fi
}

rows=() verdicts=()
pass=1
verdict() {
    if [ "$2" = 1 ]; then verdicts+=("PASS  $1"); else verdicts+=("FAIL  $1"); pass=0; fi
}
for c in $levels; do
    wrk_run "$c" "$duration" "$work/flood.lua" "$work/flood_$c.out" &
    flood=$!
    wrk_run 1 "$duration" "$work/polite.lua" "$work/polite_$c.out" &
    politeclient=$!
    sleep 2
    wrk_run 2 $((duration - 4)) "$work/read.lua" "$work/read_$c.out"
    wait "$flood" "$politeclient"
    after=$(first_success)
    drain
    vacuum

    f="$work/flood_$c.out" p="$work/polite_$c.out"
    secs=$(field seconds "$f")
    ok=$(( $(status 200 "$f") + $(status 200 "$p") ))
    rate=$(awk -v n="$ok" -v s="$secs" 'BEGIN {printf "%.2f", n / s}')
    pct=$(awk -v r="$rate" -v l="$limit" 'BEGIN {printf "%.0f", 100 * r / l}')
    refused=$(awk '$1 == "status" && ($2 == 429 || $2 == 503) {n += $3} END {print n + 0}' "$f")
    refused_s=$(awk -v n="$refused" -v s="$secs" 'BEGIN {printf "%.0f", n / s}')
    other=$(awk '$1 == "status" && $2 != 200 && $2 != 429 && $2 != 503 {n += $3} END {print n + 0}' "$f" "$p")
    polite_rate=$(awk -v n="$(status 200 "$p")" -v s="$(field seconds "$p")" 'BEGIN {printf "%.2f", n / s}')
    polite_gap=$(field gap_s "$p")
    read_p99=$(field p99_ms "$work/read_$c.out")
    read_bad=$(awk '$1 == "status" && $2 != 200 {n += $3} END {print n + 0}' "$work/read_$c.out")
    read_bad=$((read_bad + $(field errors "$work/read_$c.out")))
    read_total=$(awk '$1 == "status" {n += $3} END {print n + 0}' "$work/read_$c.out")
    ratio=$(awk -v a="$read_p99" -v b="$idle_p99" 'BEGIN {printf "%.1f", a / b}')
    rows+=("| $c | $rate/s = **$pct %** | $refused_s/s | $other; socket errors $(field errors "$f") | $polite_rate/s (longest gap ${polite_gap} s; $(statuses "$p"); socket errors $(field errors "$p")) | ${read_p99} ms = **$ratio x** ($read_bad of $read_total failed) | $after s |")
    verdict "$c connections: goodput >= 80 % of the limit ($pct %)" "$(awk -v p="$pct" 'BEGIN {print (p >= 80)}')"
    verdict "$c connections: no answer but 200/429/503 to a right password ($other)" "$((other == 0))"
    verdict "$c connections: polite client >= 0.5 logins/s ($polite_rate)" \
        "$(awk -v r="$polite_rate" 'BEGIN {print (r >= 0.5)}')"
    verdict "$c connections: read p99 <= 3 x idle ($ratio x), $read_total reads, none failed ($read_bad)" \
        "$(awk -v r="$ratio" -v b="$read_bad" -v n="$read_total" 'BEGIN {print (r <= 3 && b == 0 && n > 0)}')"
    verdict "$c connections: a login right after the flood answers 200 within 1 s ($after s)" \
        "$(awk -v a="$after" 'BEGIN {print (a != "never" && a <= 1)}')"
done

echo
echo "login flood: $cores cores, BCRYPT_STRENGTH=12, ${duration} s per level, load average at start: $load_before, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "one password check (one connection, ${single_ok} logins in ${single_s} s): ${check_ms} ms; limit ${limit} logins/s;" \
    "read p99 idle ${idle_p99} ms"
echo "| flood connections | goodput (share of the limit) | refusals | other answers | polite client | read p99 (x idle) | first 200 after |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
printf '%s\n' "${verdicts[@]}"
[ "$pass" = 1 ]
