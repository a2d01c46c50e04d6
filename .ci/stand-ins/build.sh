#!/usr/bin/env bash
# Builds the base images the Dockerfile and the compose files name (eclipse-temurin:17-jdk, eclipse-temurin:25-jre,
# postgres:15) from Debian's packages, for a Docker engine that reaches no image registry. An image the engine
# already has (pulled, or built before) is kept. Root and a running engine needed; about 4 minutes on 2 cores.
#   .ci/stand-ins/build.sh                     # the three (and user-service-ci/debian:bookworm, their base)
# JDK25_HOME: the JDK the 25 JRE is linked from (default: the machine's Temurin 25, else $JAVA_HOME if it is 25).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export DOCKER_BUILDKIT=0 # the classic builder needs no frontend image
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

have() { docker image inspect "$1" >/dev/null 2>&1; }

debian() {
    have user-service-ci/debian:bookworm && return
    command -v mmdebstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
    local extra=()
    # A mirror frozen at a snapshot (as apt is set up here) serves Release files past their validity.
    if apt-config dump | grep -q '^Acquire::Check-Valid-Until "false"'; then
        extra=(--aptopt='Acquire::Check-Valid-Until "false"')
    fi
    echo "stand-ins: Debian 12 root file system (mmdebstrap, the machine's apt sources)"
    nice mmdebstrap --quiet --variant=minbase --format=tar "${extra[@]}" \
        --aptopt='Acquire::Languages "none"' --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
        bookworm "$work/rootfs.tar" /etc/apt/sources.list.d/debian.sources
    docker import --change 'CMD ["bash"]' "$work/rootfs.tar" user-service-ci/debian:bookworm >/dev/null
    rm -f "$work/rootfs.tar"
}

build() { # TAG DOCKERFILE CONTEXT
    echo "stand-ins: $1 ($2)"
    cp "$here/$2" "$3/Dockerfile"
    nice docker build -q --pull=false -t "$1" "$3" >/dev/null
}

jdk17() {
    have eclipse-temurin:17-jdk && return
    mkdir -p "$work/jdk17/ca"
    cp /usr/local/share/ca-certificates/*.crt "$work/jdk17/ca/" 2>/dev/null || true
    build eclipse-temurin:17-jdk jdk17.Dockerfile "$work/jdk17"
}

jre25() {
    have eclipse-temurin:25-jre && return
    local jdk=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
    if [ ! -x "$jdk/bin/jlink" ] && [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
        jdk=$JAVA_HOME
    fi
    [ -x "$jdk/bin/jlink" ] || { echo "stand-ins: no JDK 25 to link a JRE from (set JDK25_HOME)" >&2; return 1; }
    mkdir -p "$work/jre25"
    # The modules of a JRE image: every java.* and jdk.* module but the development tools'.
    local modules
    modules=$("$jdk/bin/java" --list-modules | sed 's/@.*//' \
        | grep -vE '^jdk\.(compiler|javadoc|jdeps|jlink|jpackage|jshell|jartool|jcmd|jconsole|hotspot\.agent|jstatd|internal\.(ed|le|opt|md|jvmstat)|editpad|graal|jdi|random)' \
        | paste -sd, -)
    nice "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
        --output "$work/jre25/jre"
    build eclipse-temurin:25-jre jre25.Dockerfile "$work/jre25"
}

postgres15() {
    have postgres:15 && return
    mkdir -p "$work/pg"
    cp "$here/postgres-entrypoint.sh" "$work/pg/"
    build postgres:15 postgres15.Dockerfile "$work/pg"
}

if have eclipse-temurin:17-jdk && have eclipse-temurin:25-jre && have postgres:15; then
    exit 0
fi
debian
jdk17
jre25
postgres15
