#!/usr/bin/env bash
# Container smoke test: the image and the compose files the way the platform runs them, on a running Docker engine.
#   1. base images: pulled if a registry answers, else built from Debian's packages (.ci/stand-ins/build.sh)
#   2. the image, from the unchanged Dockerfile (BuildKit's built-in frontend where the client has it, else the
#      classic builder)
#   3. docker-compose-bootstrap.yml (migrations, first admin), then docker-compose-prod.yml up, healthy
#   4. from another container on web_ui_network: login, settings and sessions through http://user_service:8000 (and
#      the other alias), an admin script through `exec`, a start with a wrong POSTGRES_PASSWORD refused with its
#      cause, then down and up again, and the same data read back
# Needs a fresh engine: it refuses to run where the volume user_postgres_data already exists (someone's database).
# Leaves the engine as it found it, but for the images. Prints the time each step took.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${USER_SERVICE_IMAGE:-llmtutor/user-service:latest}
port=${SMOKE_PORT:-18110}
export USER_SERVICE_IMAGE=$image USER_SERVICE_PORT=$port
export POSTGRES_PASSWORD="smoke-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
export SECRET_KEY="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
export ADMIN_USERNAME=smoke_admin ADMIN_PASSWORD='smoke test password'
started=$(date +%s)
step_started=$started

step() {
    local now
    now=$(date +%s)
    echo "smoke: [$((now - step_started)) s] done; $*"
    step_started=$now
}

fail() {
    echo "smoke: FAILED: $*" >&2
    exit 1
}

if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
else
    fail "no compose client (docker compose or docker-compose)"
fi
docker info >/dev/null 2>&1 || fail "no Docker engine answers"
if docker volume inspect user_postgres_data >/dev/null 2>&1; then
    fail "the volume user_postgres_data exists already; this test needs an engine without it (it would be deleted)"
fi

created_network=false
cleanup() {
    local rc=$?
    if [ "$rc" != 0 ]; then
        echo "smoke: the service's last log lines:" >&2
        "${compose[@]}" -p smoke -f docker-compose-prod.yml logs --tail=40 user_service >&2 2>&1 || true
    fi
    "${compose[@]}" -p smoke -f docker-compose-prod.yml down --remove-orphans >/dev/null 2>&1 || true
    "${compose[@]}" -p smoke_bootstrap -f docker-compose-bootstrap.yml down --remove-orphans >/dev/null 2>&1 || true
    docker volume rm user_postgres_data >/dev/null 2>&1 || true
    if $created_network; then docker network rm web_ui_network >/dev/null 2>&1 || true; fi
    echo "smoke: $([ "$rc" = 0 ] && echo passed || echo failed) in $(($(date +%s) - started)) s"
}
trap cleanup EXIT

# 1. Base images.
for base in eclipse-temurin:17-jdk eclipse-temurin:25-jre postgres:15; do
    docker image inspect "$base" >/dev/null 2>&1 || timeout 60 docker pull -q "$base" >/dev/null 2>&1 || true
done
.ci/stand-ins/build.sh
step "base images ready"

# 2. The image. BuildKit needs buildx in clients from 23 on; Debian's 20.10 client (/usr/bin/docker) has it built in.
client=docker
if ! docker buildx version >/dev/null 2>&1; then
    client=""
    for candidate in docker /usr/bin/docker; do
        major=$("$candidate" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1) || continue
        if [ -n "$major" ] && [ "$major" -lt 23 ]; then client=$candidate; break; fi
    done
fi
if [ -n "$client" ]; then
    echo "smoke: building $image with BuildKit ($client)"
    DOCKER_BUILDKIT=1 nice "$client" build -q -t "$image" . >/dev/null
else
    echo "smoke: building $image with the classic builder (no BuildKit in this client)"
    DOCKER_BUILDKIT=0 nice docker build -q -t "$image" . >/dev/null
fi
docker image ls --format 'smoke: image {{.Repository}}:{{.Tag}} {{.Size}}' "$image"
step "image built"

# 3. Bootstrap, then production.
docker volume create user_postgres_data >/dev/null
if ! docker network inspect web_ui_network >/dev/null 2>&1; then
    docker network create --subnet 172.28.0.0/16 --ip-range 172.28.1.0/24 --gateway 172.28.0.1 web_ui_network \
        >/dev/null
    created_network=true
fi
"${compose[@]}" -p smoke_bootstrap -f docker-compose-bootstrap.yml run --rm first_user \
    || fail "bootstrap (migrate, first admin) exited non-zero"
"${compose[@]}" -p smoke_bootstrap -f docker-compose-bootstrap.yml down --remove-orphans >/dev/null 2>&1
step "bootstrap made the first admin"

wait_healthy() {
    local id status
    id=$("${compose[@]}" -p smoke -f docker-compose-prod.yml ps -q user_service)
    for _ in $(seq 1 90); do
        status=$(docker inspect --format '{{.State.Health.Status}}' "$id" 2>/dev/null || echo gone)
        [ "$status" = healthy ] && return 0
        sleep 1
    done
    fail "user_service not healthy after 90 s (last: $status)"
}
"${compose[@]}" -p smoke -f docker-compose-prod.yml up -d
wait_healthy
step "prod compose up and healthy"

# 4. The platform's address, from another container on web_ui_network (the image's own curl).
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

login=$(docker run --rm --network web_ui_network --entrypoint curl "$image" -sS --fail-with-body \
    -d "username=$ADMIN_USERNAME" --data-urlencode "password=$ADMIN_PASSWORD" http://user_service:8000/auth/login) \
    || fail "login through http://user_service:8000: $login"
token=$(json_field access_token <<<"$login")
[ -n "$token" ] || fail "no access_token in the login answer: $login"
me=$(docker run --rm --network web_ui_network --entrypoint curl "$image" -sS --fail-with-body \
    -H "Authorization: Bearer $token" http://user-service:8000/auth/me) || fail "GET /auth/me via user-service: $me"
user_id=$(json_field id <<<"$me")
[ -n "$user_id" ] || fail "no id in /auth/me: $me"
stored=$(docker run --rm --network web_ui_network --entrypoint curl "$image" -sS --fail-with-body \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"agent":{"provider":"openai","model":"gpt-4o"},"identityId":"smoke"}' \
    "http://user_service:8000/settings/$user_id") || fail "POST /settings: $stored"
session=$(docker run --rm --network web_ui_network --entrypoint curl "$image" -sS --fail-with-body \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"user_id\":\"$user_id\",\"session_id\":\"smoke_session_1\",\"title\":\"smoke\"}" \
    http://user_service:8000/sessions/) || fail "POST /sessions/: $session"
echo "smoke: login, /auth/me, settings and a session through user_service:8000 and user-service:8000"
step "platform address answered"

listed=$("${compose[@]}" -p smoke -f docker-compose-prod.yml exec -T user_service scripts/list_users.sh) \
    || fail "admin script through exec: $listed"
grep -q "$ADMIN_USERNAME" <<<"$listed" || fail "list_users.sh does not list $ADMIN_USERNAME: $listed"
echo "smoke: scripts/list_users.sh through exec lists $ADMIN_USERNAME"
step "admin script through exec"

# A wrong password: the start ends at once, non-zero, with the cause and the variable in its first lines.
if refused=$(POSTGRES_PASSWORD=not-the-password timeout 120 "${compose[@]}" -p smoke -f docker-compose-prod.yml \
    run --rm --no-deps -e LOG_FORMAT=plain user_service 2>&1); then
    fail "the service started with a wrong POSTGRES_PASSWORD"
fi
head -n 25 <<<"$refused" | grep -q 'password authentication failed' \
    || fail "no 'password authentication failed' in the first lines of a refused start: $refused"
head -n 25 <<<"$refused" | grep -q 'POSTGRES_PASSWORD' || fail "the refused start does not name POSTGRES_PASSWORD"
if grep -q $'^\tat ' <<<"$refused"; then fail "a stack trace in the refused start's output: $refused"; fi
echo "smoke: a wrong POSTGRES_PASSWORD ends the start non-zero; its first lines:"
grep -v '^$' <<<"$refused" | head -n 12 | cut -c1-160 | sed 's/^/smoke:   /'
step "wrong password refused with its cause"

"${compose[@]}" -p smoke -f docker-compose-prod.yml down
"${compose[@]}" -p smoke -f docker-compose-prod.yml up -d
wait_healthy
settings=$(docker run --rm --network web_ui_network --entrypoint curl "$image" -sS --fail-with-body \
    -H "Authorization: Bearer $token" "http://user_service:8000/settings/$user_id") || fail "GET /settings: $settings"
grep -q '"identityId":"smoke"' <<<"$settings" || fail "settings lost across down/up: $settings"
sessions=$(docker run --rm --network web_ui_network --entrypoint curl "$image" -sS --fail-with-body \
    -H "Authorization: Bearer $token" "http://user_service:8000/sessions/user/$user_id") \
    || fail "GET /sessions: $sessions"
grep -q smoke_session_1 <<<"$sessions" || fail "session lost across down/up: $sessions"
echo "smoke: after down and up, the token, the settings and the session are still there"
step "data survived down/up"
