# eclipse-temurin:25-jre as the Dockerfile's run stage uses it: a JRE that build.sh links from the host's JDK 25
# (Debian 12 has none), at /opt/java/openjdk and on PATH, with its default CDS archive; apt-get works inside.
FROM user-service-ci/debian:bookworm
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY jre/ /opt/java/openjdk/
RUN java -Xshare:dump >/dev/null && java -version
