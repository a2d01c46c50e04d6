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

# Run stage: a JRE only, the layers in order of how rarely they change.
FROM eclipse-temurin:21-jre
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
# Only the embedded database (no POSTGRES_HOST) writes here; everything else in /app stays read-only to the app.
RUN mkdir /app/data && chown app:app /app/data
USER app:app

ENV PORT=8000 \
    APP_JAR=/app/app.jar \
    USER_SERVICE_DATA_DIR=/app/data
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/readiness" >/dev/null || exit 1

# The heap follows the container's memory limit; JAVA_OPTS adds to (or overrides) these flags. The memory flags are
# not in the environment, so admin scripts run beside the server (docker compose exec) keep their own small defaults.
# `docker run IMAGE admin list` runs the admin CLI instead of the server.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/app.jar \"$@\"", "--"]
