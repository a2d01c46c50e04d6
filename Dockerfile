# syntax=docker/dockerfile:1

# Build stage: the same wrapper and Maven version as on a developer machine.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Dependencies change less often than the code; keep them in their own cached layer.
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package \
    && cp target/user-service-*.jar /src/app.jar \
    && java -Djarmode=tools -jar /src/app.jar extract --layers --destination /src/extracted

# Run stage: a JRE only, the layers in order of how rarely they change. JDK 25 for its AOT cache (JEP 483/514/515):
# with it the service is ready in about half the time; the code is still built for (and tested on) Java 17.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
COPY --chmod=755 scripts/ ./scripts/
ENV PORT=8000 \
    APP_JAR=/app/app.jar \
    USER_SERVICE_DATA_DIR=/app/data
# Training run: the service starts up to its ready point on a throw-away embedded database, and the JVM writes what it
# loaded and linked into /app/jvm-cache (the server's and the admin CLI's); every start of the container uses it.
RUN USER_SERVICE_DATA_DIR=/tmp/training scripts/serve.sh --prepare && rm -rf /tmp/training /app/jvm-cache/*.log
# Only the embedded database (no POSTGRES_HOST) writes here; everything else in /app stays read-only to the app.
RUN mkdir /app/data && chown app:app /app/data
USER app:app

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/readiness" >/dev/null || exit 1

# scripts/serve.sh starts the server with the project's memory bounds (heap JVM_MAX_HEAP, default 128m, instead of
# a share of the container's memory) and the AOT cache; JAVA_OPTS adds to (or overrides) its flags.
# The compose files give the container a memory limit that matches. The memory flags are only the server's: admin
# commands run beside it (docker compose exec ... scripts/admin.sh) keep their own small defaults.
# `docker run IMAGE admin list` runs the admin CLI instead of the server.
ENTRYPOINT ["/app/scripts/serve.sh"]
