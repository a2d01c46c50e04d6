#!/usr/bin/env bash
# Screenshots the Swagger UI into docs/swagger-ui.png: packages the service, starts it on the embedded database on a
# free port, points headless Chromium at /docs and stops the service again. Needs no internet: the UI comes from the
# swagger-ui webjar inside the jar. Usage: scripts/swagger_screenshot.sh [output.png]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-docs/swagger-ui.png}
mkdir -p "$(dirname "$out")"

if [ ! -x /usr/bin/chromium ]; then
    echo "swagger_screenshot: installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi

./mvnw -q -B -DskipTests package
jar=$(ls target/user-service-*.jar | grep -v original | head -n 1)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
app_pid=
cleanup() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A throwaway embedded database and secret, so nothing of a local ./data is touched.
env -u POSTGRES_HOST -u SPRING_DATASOURCE_URL PORT="$port" USER_SERVICE_DATA_DIR="$work/data" \
    java -jar "$jar" >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
        cat "$work/app.log" >&2
        echo "swagger_screenshot: the service did not start" >&2
        exit 1
    fi
    sleep 1
done
curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null

/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --window-size=1280,2000 --virtual-time-budget=10000 \
    --screenshot="$out" "http://127.0.0.1:$port/docs" 2>"$work/chromium.log" ||
    { cat "$work/chromium.log" >&2; exit 1; }
echo "swagger_screenshot: wrote $out"
