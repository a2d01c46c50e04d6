#!/usr/bin/env bash
# Login under load, in one run on one machine (issue 11). Starts the packaged service on a fresh PostgreSQL database
# with the production hash cost (BCRYPT_STRENGTH=12) and prints:
#   1. the bcrypt limit: cores / the time of one password check, measured here (one login at a time);
#   2. a login storm: 64 connections logging in as 64 different users for 20 s: logins/s as a % of that limit;
#   3. an authenticated read (GET /settings/{id}, 2 paced connections): p50/p99 alone, and during a second storm (the
#      probe's own reads take CPU from the hashing, so the throughput of 2. is measured without it);
#   4. one user, 32 connections, the right password, 20 s: the count of every status (and of Retry-After headers).
# The logging-in clients honour Retry-After (429/503), as the Web UI and any HTTP client should; everything else is a
# closed loop (each connection sends its next request as soon as it has an answer).
#
#   bench/login_load.sh            (PGHOST/PGPORT/PGUSER select the server, default 127.0.0.1:5432 postgres;
#                                   PORT the HTTP port, default a free one; DURATION the storm length, default 20)
# Needs wrk (apt-get install wrk), psql, curl, jq; builds the jar when target/ has none and APP_JAR is unset (set-up:
# bench/lib/login_bench.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib/login_bench.sh
duration=${DURATION:-20}
login_bench_setup login_load
students=64
login_bench_users "$students"
login_bench_serve

# Status counting shared by every wrk run: per-thread tables merged in done().
cat >"$work/count.lua" <<'EOF'
local threads = {}
function setup(thread) table.insert(threads, thread) end
counts = {}
retry_after = 0
backoff = 0
function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
    local after = headers["Retry-After"] or headers["retry-after"]
    if after then
        retry_after = retry_after + 1
        backoff = (tonumber(after) or 1) * 1000
    end
end
-- A client that honours Retry-After, as HTTP asks: the connection that got it waits before its next request.
function delay()
    local wait = backoff
    backoff = 0
    return wait
end
function done(summary, latency, requests)
    local total, ra = {}, 0
    for _, t in ipairs(threads) do
        for status, n in pairs(t:get("counts")) do total[status] = (total[status] or 0) + n end
        ra = ra + t:get("retry_after")
    end
    for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
    io.write(string.format("retry_after %d\n", ra))
    io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout))
    io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
    io.write(string.format("seconds %.2f\n", summary.duration / 1e6))
end
EOF
form() { printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'; }
{ cat "$work/count.lua"; form; cat <<EOF
n = 0
function request()
    n = n + 1
    return wrk.format(nil, "/auth/login", nil, "username=student_" .. (n % $students + 1) .. "&password=bench+password+123")
end
EOF
} >"$work/storm.lua"
{ cat "$work/count.lua"; form; echo 'wrk.path = "/auth/login"'; echo 'wrk.body = "username=bench_solo&password=bench+password+123"'; } >"$work/solo.lua"
{ cat "$work/count.lua"; cat <<EOF
wrk.headers["Authorization"] = "Bearer $token"
wrk.path = "/settings/$reader_id"
-- Paced (about 100 reads/s per connection), so the probe measures latency without loading the machine itself.
function delay() return 10 end
EOF
} >"$work/read.lua"

# Closed-loop logins and a paced read probe; wrk's own timeout well above any bounded wait of the service.
wrk_login() { wrk -t"$(($1 < 2 ? 1 : 2))" -c"$1" -d"$2"s --timeout 30s -s "$3" "$base" >"$4" 2>&1; }
wrk_read() { wrk -t1 -c2 -d"$1"s --timeout 30s -s "$work/read.lua" "$base" >"$2" 2>&1; }

# Warm-up (JIT, pools), not measured. A fresh JVM still compiles the request path for minutes: measured during a storm
# right after start, the JIT compiler threads and the not yet compiled login code took ~10 % of the CPU from the hashing
# threads. Unpaced reads compile what every request shares (HTTP, security, MVC, JDBC) in seconds; a storm of the same
# shape as the measured one then compiles the login's own part and the refusals (503) a storm brings.
wrk -t2 -c8 -d15s -H "Authorization: Bearer $token" "$base/settings/$reader_id" >/dev/null 2>&1
wrk_login 64 20 "$work/storm.lua" /dev/null
drain
vacuum

# 1. One check's time: one connection logging in over and over (one check, plus HTTP and two short transactions).
wrk_login 1 10 "$work/storm.lua" "$work/single.out"
login_bench_limit "$work/single.out"
vacuum

# 2. Reads alone.
wrk_read 15 "$work/read_idle.out"
vacuum

# 3. The storm alone: its throughput.
wrk_login 64 "$duration" "$work/storm.lua" "$work/storm.out"
storm_ok=$(status 200 "$work/storm.out")
storm_s=$(field seconds "$work/storm.out")
rate=$(awk -v n="$storm_ok" -v s="$storm_s" 'BEGIN {printf "%.2f", n / s}')
pct=$(awk -v r="$rate" -v l="$limit" 'BEGIN {printf "%.0f", 100 * r / l}')
drain
vacuum

# 4. The storm again with the read probe beside it (the probe starts after the storm and ends before it).
wrk_login 64 "$duration" "$work/storm.lua" "$work/storm_probe.out" &
storm=$!
sleep 2
wrk_read $((duration - 4)) "$work/read_storm.out"
wait "$storm"
drain
vacuum

# 5. One user, 32 connections, the right password.
wrk_login 32 "$duration" "$work/solo.lua" "$work/solo.out"

idle_p50=$(field p50_ms "$work/read_idle.out"); idle_p99=$(field p99_ms "$work/read_idle.out")
storm_p50=$(field p50_ms "$work/read_storm.out"); storm_p99=$(field p99_ms "$work/read_storm.out")
read_total=$(awk '$1 == "status" {n += $3} END {print n + 0}' "$work/read_storm.out")
read_bad=$(awk '$1 == "status" && $2 != 200 {n += $3} END {print n + 0}' "$work/read_storm.out")
read_bad=$((read_bad + $(field errors "$work/read_storm.out")))
ratio=$(awk -v a="$storm_p99" -v b="$idle_p99" 'BEGIN {printf "%.1f", a / b}')
solo_other=$(awk '$1 == "status" && $2 != 200 && $2 != 429 && $2 != 503 {n += $3} END {print n + 0}' "$work/solo.out")
solo_limited=$(( $(status 429 "$work/solo.out") + $(status 503 "$work/solo.out") ))

echo
echo "login under load: $cores cores, BCRYPT_STRENGTH=12, $(java -version 2>&1 | head -n 1)"
echo "| measure | value |"
echo "|---|---|"
echo "| one password check (one connection, ${single_ok} logins in ${single_s} s) | ${check_ms} ms |"
echo "| bcrypt limit ($cores cores / one check) | ${limit} logins/s |"
echo "| storm: 64 connections, $students users, ${storm_s} s | ${rate} logins/s = **${pct} %** of the limit ($(statuses "$work/storm.out")) |"
echo "| read GET /settings/{id} alone | p50 ${idle_p50} ms, p99 ${idle_p99} ms ($(statuses "$work/read_idle.out")) |"
echo "| read during the storm ($(statuses "$work/storm_probe.out")) | p50 ${storm_p50} ms, p99 ${storm_p99} ms = **${ratio} x** idle p99; ${read_bad} of ${read_total} failed |"
echo "| one user, 32 connections, right password, $(field seconds "$work/solo.out") s | $(statuses "$work/solo.out"); Retry-After on $(field retry_after "$work/solo.out"), socket errors $(field errors "$work/solo.out") |"
echo
verdict() { if [ "$2" = 1 ]; then echo "PASS  $1"; else echo "FAIL  $1"; fi; }
verdict "storm throughput >= 90 % of the bcrypt limit (${pct} %)" "$(awk -v p="$pct" 'BEGIN {print (p >= 90)}')"
verdict "read p99 during the storm <= 3 x idle p99 (${ratio} x), no read failing (${read_bad})" \
    "$(awk -v r="$ratio" -v b="$read_bad" 'BEGIN {print (r <= 3 && b == 0)}')"
verdict "one user, 32 connections: no 403/500/other (${solo_other}); 429/503 (${solo_limited}) all with Retry-After" \
    "$(awk -v o="$solo_other" -v l="$solo_limited" -v r="$(field retry_after "$work/solo.out")" \
        'BEGIN {print (o == 0 && r >= l)}')"
