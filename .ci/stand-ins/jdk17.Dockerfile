# eclipse-temurin:17-jdk as the Dockerfile's build stage uses it, made from Debian's OpenJDK 17 where no registry
# answers: the JDK at /opt/java/openjdk and on PATH, curl for the Maven wrapper, UTF-8 by default. The CA
# certificates of this network (build.sh copies the host's) are trusted, since Maven Central is reached through it.
FROM user-service-ci/debian:bookworm
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
COPY ca/ /usr/local/share/ca-certificates/
# The base leaves out manual pages; update-alternatives still wants their directory.
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates curl openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /opt/java \
    && ln -s "$(dirname "$(dirname "$(readlink -f /usr/bin/javac)")")" /opt/java/openjdk \
    && javac -version
