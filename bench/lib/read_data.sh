# Sourced by bench/auth_throughput.sh and bench/read_profile.sh (from the checkout's root, under set -euo pipefail).

# seed_read_data BASE_URL: the reads' data on the running service at BASE_URL: the user bench_user (registered with
# scripts/register_user.sh, so the service's POSTGRES_*, SECRET_KEY and APP_JAR must be in the environment), logged in,
# with two stored settings and ten chat sessions. Prints the access token and the user's id; fails when a step does
# (each step says so itself: set -e does not reach into the command substitution it is called from).
seed_read_data() {
    local base=$1 password="bench password 123" login token id auth json="Content-Type: application/json" i
    echo "$password" | scripts/register_user.sh --password-stdin bench_user >/dev/null || return 1
    login=$(curl -sf -X POST "$base/auth/login" --data-urlencode username=bench_user --data-urlencode "password=$password") || return 1
    token=$(sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$login")
    id=$(sed -E 's/.*"user_id":"([^"]+)".*/\1/' <<<"$login")
    auth="Authorization: Bearer $token"
    curl -sf -o /dev/null -X POST "$base/settings/$id" -H "$auth" -H "$json" \
        -d '{"agent":{"provider":"zai","model":"glm-4.6v"},"rag":{"provider":"openai","model":"gpt-4o-mini"}}' || return 1
    for i in $(seq 1 10); do
        curl -sf -o /dev/null -X POST "$base/sessions/" -H "$auth" -H "$json" \
            -d "{\"user_id\":\"$id\",\"session_id\":\"bench-session-$i\",\"title\":\"session $i\"}" || return 1
    done
    echo "$token $id"
}
