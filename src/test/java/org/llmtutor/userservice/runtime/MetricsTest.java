package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

class MetricsTest extends IntegrationTest {

    private static final String SCRAPE = "/actuator/prometheus";

    @Autowired
    ServiceCredentialService credentials;

    private String admin;

    @BeforeEach
    void logInAdmin() {
        admin = api().token(newUser(Role.ADMIN).getUsername(), PASSWORD);
    }

    @Test
    void scrapingNeedsAnAdminOrTheMetricsScope() {
        String monitoring = credentials
                .create(uniqueName("prometheus"), Set.of(Scope.METRICS_READ))
                .token();
        String otherService = credentials
                .create(uniqueName("agent"), Set.of(Scope.SESSIONS_WRITE))
                .token();
        String user = api().token(newUser(Role.USER).getUsername(), PASSWORD);
        String developer = api().token(newUser(Role.DEVELOPER).getUsername(), PASSWORD);

        Api.Response anonymous = api().get(SCRAPE, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.detail()).isEqualTo("Not authenticated");
        for (String forbidden : new String[] {user, developer, otherService}) {
            Api.Response r = api().get(SCRAPE, forbidden);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.detail()).isEqualTo("Not enough permissions");
        }
        for (String allowed : new String[] {admin, monitoring}) {
            Api.Response r = api().get(SCRAPE, allowed);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.body()).contains("user_service_logins_total");
        }
    }

    @Test
    void loginOutcomesAndLockoutsAreCounted() {
        User alice = newUser(Role.USER);
        String before = scrape();

        api().token(alice.getUsername(), PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(api().login(alice.getUsername(), "wrong password").status())
                    .isEqualTo(401);
        }
        assertThat(api().login(alice.getUsername(), PASSWORD).status()).isEqualTo(403);

        String after = scrape();
        assertThat(delta(before, after, "user_service_logins_total", "outcome=\"success\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "user_service_logins_total", "outcome=\"failure\""))
                .isEqualTo(5);
        assertThat(delta(before, after, "user_service_logins_total", "outcome=\"locked\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "user_service_lockouts_total", "")).isEqualTo(1);
    }

    @Test
    void sessionRotationCountsEvictedSessions() {
        User bob = newUser(Role.USER);
        String token = api().token(bob.getUsername(), PASSWORD);
        String before = scrape();

        for (int i = 0; i < 12; i++) {
            String body = "{\"user_id\":\"%s\",\"session_id\":\"%s\"}".formatted(bob.getId(), uniqueName("s"));
            assertThat(api().postJson("/sessions/", body, token).status()).isEqualTo(200);
        }

        assertThat(delta(before, scrape(), "user_service_sessions_evicted_total", ""))
                .as("10 kept, 2 rotated out")
                .isEqualTo(2);
    }

    @Test
    void refreshTokenReuseIsCounted() {
        User carol = newUser(Role.USER);
        Api.Response pair = api().postForm(
                        "/auth/token",
                        Map.of("grant_type", "password", "username", carol.getUsername(), "password", PASSWORD));
        String first = pair.json().get("refresh_token").asString();
        assertThat(api().refreshGrant(first).status()).isEqualTo(200);
        String before = scrape();

        clock.advance(Duration.ofMinutes(1));
        assertThat(api().refreshGrant(first).status()).isEqualTo(401);

        assertThat(delta(before, scrape(), "user_service_refresh_reuse_total", ""))
                .isEqualTo(1);
    }

    @Test
    void requestLatencyIsAHistogram() {
        api().get("/health", null);

        assertThat(scrape())
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{.*uri=\"/health\".*le=\"[0-9.+Inf]+\"}");
    }

    private String scrape() {
        Api.Response r = api().get(SCRAPE, admin);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private static long delta(String before, String after, String name, String label) {
        return Math.round(value(after, name, label) - value(before, name, label));
    }

    /** The sample of the named counter whose labels contain {@code label}. */
    private static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                .matcher(scrape);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + " " + label + " not in the scrape");
    }
}
