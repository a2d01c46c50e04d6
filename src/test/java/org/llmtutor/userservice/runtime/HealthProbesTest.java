package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.TcpProxy;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;

class HealthProbesTest extends IntegrationTest {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    @Test
    void probesArePublicAndShowAnonymousCallersOnlyTheStatus() {
        for (String probe : new String[] {LIVENESS, READINESS, "/actuator/health"}) {
            Api.Response r = api().get(probe, null);
            assertThat(r.status()).as(probe).isEqualTo(200);
            assertThat(r.json().propertyNames()).as(probe).doesNotContain("components", "details");
            assertThat(r.json().get("status").asString()).isEqualTo("UP");
        }
        assertThat(api().get(READINESS, null).json().propertyNames()).containsExactly("status");
    }

    @Test
    void adminsSeeThatReadinessIncludesTheDatabase() {
        String admin = api().token(newUser(Role.ADMIN).getUsername(), PASSWORD);

        Api.Response r = api().get(READINESS, admin);

        assertThat(r.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(r.json().at("/components/readinessState/status").asString()).isEqualTo("UP");
    }

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
