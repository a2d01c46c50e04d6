package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
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
}
