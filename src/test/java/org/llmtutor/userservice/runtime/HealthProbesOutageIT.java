package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TcpProxy;
import org.llmtutor.userservice.support.TestDatabase;

/** The probes while the database is away: an instance of its own behind the suite's TCP proxy. */
class HealthProbesOutageIT {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    @Test
    void notReadyWhileTheDatabaseIsUnreachableButStillLive() {
        String database = TestDatabase.newDatabase("probes");
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(database);
                AppInstance app = AppInstance.start(AppInstance.onDatabase(
                        proxy.jdbcUrl(database),
                        // Fail fast instead of waiting Hikari's default 30 s for a connection that cannot come.
                        "spring.datasource.hikari.connection-timeout=1000"))) {
            Api api = app.api();
            assertThat(api.get(READINESS, null).status()).isEqualTo(200);

            proxy.cut();

            Api.Response down = awaitStatus(api, READINESS, 503);
            assertThat(down.header("Content-Type")).contains("json");
            assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(down.detail()).isEqualTo("Health check status is DOWN");
            Api.Response live = api.get(LIVENESS, null);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().get("status").asString()).isEqualTo("UP");

            proxy.restore();

            assertThat(awaitStatus(api, READINESS, 200).json().get("status").asString())
                    .isEqualTo("UP");
        }
    }

    private static Api.Response awaitStatus(Api api, String path, int status) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(path, null), r -> r.status() == status);
    }
}
