#!/usr/bin/env bash
# Benchmark: bulk-creates generated users through the admin CLI against the configured database (the service's
# variables: POSTGRES_HOST / POSTGRES_DB / ... or SPRING_DATASOURCE_URL; BCRYPT_STRENGTH sets the hash cost, default
# 12), prints the elapsed time, then deletes the users again (KEEP=1 keeps them).
#   POSTGRES_HOST=127.0.0.1 POSTGRES_DB=bench bench/bulk_create_1000.sh
#   BCRYPT_STRENGTH=4 USERS=5000 bench/bulk_create_1000.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scripts="$here/../scripts"
count="${USERS:-1000}"
prefix="bench_$(date +%s)_"
file="$(mktemp --suffix=.json)"
trap 'rm -f "$file"' EXIT

{
    echo "["
    for ((i = 0; i < count; i++)); do
        printf '  {"username": "%s%d", "password": "bench-password-%d"}%s\n' "$prefix" "$i" "$i" \
            "$([[ $i -lt $((count - 1)) ]] && echo ,)"
    done
    echo "]"
} >"$file"

start=$(date +%s.%N)
"$scripts/bulk_create_users.sh" "$file" | grep -v '^skipped '
end=$(date +%s.%N)
printf 'bulk_create of %d users: %.1f s wall clock including JVM start (BCRYPT_STRENGTH=%s, %d cores)\n' \
    "$count" "$(awk "BEGIN { print $end - $start }")" "${BCRYPT_STRENGTH:-12}" "$(nproc)"

if [[ "${KEEP:-0}" != 1 ]]; then
    "$scripts/bulk_delete_users.sh" "$file" | tail -n 1
fi
