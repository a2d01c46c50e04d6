package org.llmtutor.userservice.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.Parallel;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-client counting behind a trusted proxy, the 429 while checks in flight hold the allowance, and the 503 of a
 * saturated hashing pool: each on an instance configured for it, through real HTTP on PostgreSQL.
 */
class LoginClientsIT {

    private static final String PASSWORD = "correct horse battery";
    private static AppInstance proxied;
    private static AppInstance saturated;

    @BeforeAll
    static void start() {
        proxied = AppInstance.start(AppInstance.onDatabase(
                TestDatabase.url(),
                "app.web.trusted-proxies=127.0.0.1/32,10.0.0.0/8",
                "app.login.username-max-failed-attempts=8",
                "app.login.admission-wait=300ms"));
        // One hashing thread and no wait allowed: any check that would queue behind another is refused.
        saturated = AppInstance.start(AppInstance.onDatabase(
                TestDatabase.url(),
                "app.login.bcrypt-strength=10",
                "app.hashing.threads=1",
                "app.hashing.max-wait=0s"));
    }

    @AfterAll
    static void stop() {
        proxied.close();
        saturated.close();
    }

    @Test
    void anAttackerAddressIsLockedAfterFiveFailuresWhileTheVictimsAddressStillLogsIn() {
        String user = newUser(proxied);
        Api api = proxied.api();
        for (int i = 1; i <= 5; i++) {
            assertThat(api.loginFrom("203.0.113.66", user, "guess " + i).status())
                    .isEqualTo(401);
        }
        Api.Response attacker = api.loginFrom("203.0.113.66", user, PASSWORD);
        assertThat(attacker.status()).isEqualTo(403);
        assertThat(attacker.detail()).startsWith("Account is locked");

        // The victim's address, also behind the proxy chain (its own address, then our trusted 10.x proxy).
        assertThat(api.loginFrom("198.51.100.20, 10.1.2.3", user, PASSWORD).status())
                .isEqualTo(200);
        // Addresses the caller claims left of the first untrusted hop do not make a new client.
        assertThat(api.loginFrom("198.51.100.99, 203.0.113.66", user, PASSWORD).status())
                .isEqualTo(403);
    }

    @Test
    void theAuditLogRecordsTheClientAddressBehindTheTrustedProxyNotTheProxy() {
        String user = newUser(proxied);
        assertThat(proxied.api()
                        .loginFrom("198.51.100.7, 10.1.2.3", user, "wrong")
                        .status())
                .isEqualTo(401);
        assertThat(proxied.api().loginFrom("198.51.100.8", user, PASSWORD).status())
                .isEqualTo(200);

        assertThat(jdbc(proxied)
                        .sql(
                                "SELECT event_type || ' ' || ip FROM audit_events WHERE username = :u ORDER BY occurred_at")
                        .param("u", user)
                        .query(String.class)
                        .list())
                .containsExactly("LOGIN_FAILED 198.51.100.7", "LOGIN_SUCCEEDED 198.51.100.8");
    }

    @Test
    void theUsernameWideLockEngagesAtItsOwnThresholdForEveryAddress() {
        String user = newUser(proxied);
        Api api = proxied.api();
        for (int i = 1; i <= 8; i++) {
            assertThat(api.loginFrom("192.0.2." + i, user, "guess").status())
                    .as("failure %d from its own address", i)
                    .isEqualTo(401);
        }

        Api.Response fresh = api.loginFrom("192.0.2.200", user, PASSWORD);
        assertThat(fresh.status()).isEqualTo(403);
        assertThat(fresh.detail()).startsWith("Account is locked");
    }

    @Test
    void anAttemptFindingTheAllowanceHeldByChecksInFlightGets429WithRetryAfterNotARefusal() {
        String user = newUser(proxied);
        // Five checks from this client still running (on another instance, say): the allowance is taken.
        jdbc(proxied)
                .sql("INSERT INTO login_attempts (username, client, checks_in_flight, checks_expire_at)"
                        + " VALUES (:u, '203.0.113.5', 5, :ex)")
                .param("u", user)
                .param("ex", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))
                .update();

        Api.Response r = proxied.api().loginFrom("203.0.113.5", user, PASSWORD);

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.detail()).isNotBlank();
        // Another client is not held up by them.
        assertThat(proxied.api().loginFrom("203.0.113.6", user, PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void aSaturatedHashingPoolAnswers503WithRetryAfterAndCountsNothing() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(newUser(saturated)); // one at a time: this pool refuses any hash that would queue
        }
        MeterRegistry registry = saturated.bean(MeterRegistry.class);
        double rejectedBefore =
                registry.get("user_service.hashing.rejected").counter().count();

        List<Api.Response> results = Parallel.run(12, i -> saturated.api().login(users.get(i), PASSWORD));

        assertThat(results).extracting(Api.Response::status).containsOnly(200, 503);
        List<Api.Response> refused =
                results.stream().filter(r -> r.status() == 503).toList();
        assertThat(refused).isNotEmpty();
        for (Api.Response r : refused) {
            assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
            assertThat(r.detail()).isNotBlank();
        }
        assertThat(registry.get("user_service.hashing.rejected").counter().count() - rejectedBefore)
                .isGreaterThanOrEqualTo(refused.size());
        // Nothing was counted against the refused ones: each logs in at once afterwards.
        for (int i = 0; i < users.size(); i++) {
            assertThat(saturated.api().login(users.get(i), PASSWORD).status()).isEqualTo(200);
        }
        assertThat(jdbc(saturated)
                        .sql("SELECT count(*) FROM login_attempts WHERE failed_attempts > 0 AND username IN (:u)")
                        .param("u", users)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static String newUser(AppInstance app) {
        String name = "user_" + UUID.randomUUID().toString().substring(0, 8);
        app.bean(UserService.class).create(name, PASSWORD, Role.USER);
        return name;
    }

    private static JdbcClient jdbc(AppInstance app) {
        return app.bean(JdbcClient.class);
    }
}
