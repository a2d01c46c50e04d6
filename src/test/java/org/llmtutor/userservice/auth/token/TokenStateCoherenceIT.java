package org.llmtutor.userservice.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.Eventually;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/**
 * Token checks are answered from each instance's memory; this proves the memory never outlives a change by more than
 * the promise: the instance that ends a token refuses it at once, every other instance within 1 s, whoever makes the
 * change, and also when the change was made while an instance's listener was not connected.
 */
class TokenStateCoherenceIT extends TwoInstanceIT {

    private static final Duration PROMISE = Duration.ofSeconds(1);
    // The listener notices a dropped connection within a poll (250 ms), reconnects after 100 ms, then reloads.
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    @Test
    void logoutIsRefusedAtOnceWhereItHappenedAndWithinOneSecondOnTheOtherInstance() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertAcceptedOnBoth(token);

        assertThat(api().method("POST", "/auth/logout", null, null, token).status())
                .isEqualTo(200);

        assertThat(api().get("/auth/me", token).status())
                .as("at once, where it happened")
                .isEqualTo(401);
        assertThat(within(secondApi(), token, r -> r.status() == 401)).isLessThanOrEqualTo(PROMISE);
    }

    @Test
    void logoutEverywhereOnTheOtherInstanceEndsTokensHereWithinOneSecond() {
        User user = newUser(Role.USER);
        String first = api().token(user.getUsername(), PASSWORD);
        String second = secondApi().token(user.getUsername(), PASSWORD);
        assertAcceptedOnBoth(first);
        assertAcceptedOnBoth(second);

        assertThat(secondApi()
                        .method("POST", "/auth/logout-all", null, null, second)
                        .status())
                .isEqualTo(200);

        assertThat(secondApi().get("/auth/me", first).status()).isEqualTo(401);
        assertThat(within(api(), first, r -> r.status() == 401)).isLessThanOrEqualTo(PROMISE);
        assertThat(within(api(), second, r -> r.status() == 401)).isLessThanOrEqualTo(PROMISE);
    }

    /** The admin CLI and an operator's psql write from outside both instances: neither made the change. */
    @Test
    void aRoleChangeByAnotherWriterReachesBothInstancesWithinOneSecond() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertAcceptedOnBoth(token);
        assertThat(secondApi().get("/admin/audit", token).status()).isEqualTo(403);

        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = :id")
                .param("id", user.getId())
                .update();

        Predicate<Api.Response> admin =
                r -> r.status() == 200 && r.json().get("role").asString().equals("admin");
        assertThat(within(api(), token, admin)).isLessThanOrEqualTo(PROMISE);
        assertThat(within(secondApi(), token, admin)).isLessThanOrEqualTo(PROMISE);
        // /auth/me reads the stored role; what admits to /admin/audit is the instance's token state, which learns of
        // the change by NOTIFY: the promise holds for it too, not at the same instant.
        assertThat(Eventually.until(
                        () -> secondApi().get("/admin/audit", token).status() == 200, Duration.ofSeconds(5)))
                .isLessThanOrEqualTo(PROMISE);
    }

    @Test
    void disablingAUserByAnotherWriterEndsTheirTokensOnBothInstancesWithinOneSecond() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertAcceptedOnBoth(token);

        jdbc.sql("UPDATE users SET is_active = FALSE WHERE id = :id")
                .param("id", user.getId())
                .update();

        assertThat(within(api(), token, r -> r.status() == 401)).isLessThanOrEqualTo(PROMISE);
        assertThat(within(secondApi(), token, r -> r.status() == 401)).isLessThanOrEqualTo(PROMISE);
    }

    @Test
    void endingALoginSessionOnOneInstanceEndsItsAccessTokenOnTheOther() {
        User user = newUser(Role.USER);
        var pair = api().postForm(
                        "/auth/token",
                        java.util.Map.of(
                                "grant_type", "password", "username", user.getUsername(), "password", PASSWORD))
                .json();
        String token = pair.get("access_token").asString();
        String other = api().token(user.getUsername(), PASSWORD);
        assertAcceptedOnBoth(token);
        String sessionId =
                api().get("/auth/sessions", token).json().get(0).get("id").asString();

        assertThat(api().delete("/auth/sessions/" + sessionId, other).status()).isEqualTo(200);

        assertThat(api().get("/auth/me", token).status()).isEqualTo(401);
        assertThat(within(secondApi(), token, r -> r.status() == 401)).isLessThanOrEqualTo(PROMISE);
        assertAcceptedOnBoth(other);
    }

    /**
     * A change nobody announces (the trigger switched off for it, standing for a notification lost with the connection)
     * is not seen while the listeners' memory is trusted; once their connections are killed, they reconnect and start
     * from an empty memory, so the change takes effect.
     */
    @Test
    void aChangeTheListenersMissedTakesEffectOnceTheyReconnect() throws SQLException {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertAcceptedOnBoth(token);

        try (Connection c = TestDatabase.connect(TestDatabase.url())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement disable = c.prepareStatement("UPDATE users SET is_active = FALSE WHERE id = ?")) {
                s.execute("ALTER TABLE users DISABLE TRIGGER users_token_state_update");
                disable.setObject(1, user.getId());
                assertThat(disable.executeUpdate()).isOne();
                s.execute("ALTER TABLE users ENABLE TRIGGER users_token_state_update");
            }
            c.commit();
        }
        assertAcceptedOnBoth(token);

        List<Integer> before = listenerPids();
        assertThat(before).as("one listener per instance at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid IN (:pids)")
                        .param("pids", before)
                        .query(Integer.class)
                        .single())
                .isEqualTo(before.size());

        assertThat(within(api(), token, r -> r.status() == 401)).isLessThanOrEqualTo(RECONNECT.plus(PROMISE));
        assertThat(within(secondApi(), token, r -> r.status() == 401)).isLessThanOrEqualTo(RECONNECT.plus(PROMISE));
        Eventually.until(() -> listenerPids().size() >= before.size(), RECONNECT);
        assertThat(listenerPids())
                .as("all listening again, on new connections")
                .hasSameSizeAs(before)
                .doesNotContainAnyElementsOf(before);
    }

    private void assertAcceptedOnBoth(String token) {
        assertThat(api().get("/auth/me", token).status()).isEqualTo(200);
        assertThat(secondApi().get("/auth/me", token).status()).isEqualTo(200);
    }

    private List<Integer> listenerPids() {
        List<Integer> pids = new ArrayList<>();
        try (Connection c = TestDatabase.connect(TestDatabase.url());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name = 'user-service token-state listener'")) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }

    /** How long until GET /auth/me with the token answers as expected (failing after 5 s). */
    private static Duration within(Api api, String token, Predicate<Api.Response> expected) {
        return Eventually.until(() -> expected.test(api.get("/auth/me", token)), Duration.ofSeconds(5));
    }
}
