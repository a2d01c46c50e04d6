package org.llmtutor.userservice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.Eventually;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/**
 * XP reads are answered from each instance's memory of the user (the state token checks keep); this proves that memory
 * follows every XP change with the token checks' promise: at once where the change was made, within 1 s elsewhere,
 * whoever writes.
 */
class XpCoherenceIT extends TwoInstanceIT {

    private static final Duration PROMISE = Duration.ofSeconds(1);

    @Test
    void anAddShowsAtOnceWhereItWasMadeAndWithinOneSecondOnTheOtherInstance() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertXpOnBoth(user, token, 0);

        Api.Response added = api().postJson("/profile/" + user.getId() + "/add_xp", "{\"amount\":25}", token);
        assertThat(added.status()).isEqualTo(200);

        assertThat(xp(api(), user, token).body())
                .as("at once, where it happened")
                .isEqualTo("{\"xp\":25}");
        assertThat(within(secondApi(), user, token, r -> r.body().equals("{\"xp\":25}")))
                .isLessThanOrEqualTo(PROMISE);
    }

    /** The admin CLI, the Python service behind the legacy switch or an operator's psql write from outside. */
    @Test
    void aChangeByAnotherWriterReachesBothInstancesWithinOneSecond() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertXpOnBoth(user, token, 0);

        jdbc.sql("UPDATE users SET xp = 777 WHERE id = :id")
                .param("id", user.getId())
                .update();

        assertThat(within(api(), user, token, r -> r.body().equals("{\"xp\":777}")))
                .isLessThanOrEqualTo(PROMISE);
        assertThat(within(secondApi(), user, token, r -> r.body().equals("{\"xp\":777}")))
                .isLessThanOrEqualTo(PROMISE);
    }

    @Test
    void aDeletedUsersXpIsNotFoundOnEitherInstanceWithinOneSecond() {
        User user = newUser(Role.USER);
        User admin = newUser(Role.ADMIN);
        String adminToken = api().token(admin.getUsername(), PASSWORD);
        assertXpOnBoth(user, adminToken, 0);

        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", user.getId()).update();

        assertThat(within(api(), user, adminToken, r -> r.status() == 404)).isLessThanOrEqualTo(PROMISE);
        assertThat(within(secondApi(), user, adminToken, r -> r.status() == 404))
                .isLessThanOrEqualTo(PROMISE);
    }

    private void assertXpOnBoth(User user, String token, int expected) {
        String body = "{\"xp\":" + expected + "}";
        assertThat(xp(api(), user, token).body()).isEqualTo(body);
        assertThat(xp(secondApi(), user, token).body()).isEqualTo(body);
    }

    private static Api.Response xp(Api api, User user, String token) {
        return api.get("/profile/" + user.getId() + "/xp", token);
    }

    /** How long until GET /profile/{id}/xp answers as expected (failing after 5 s). */
    private static Duration within(Api api, User user, String token, Predicate<Api.Response> expected) {
        return Eventually.until(() -> expected.test(xp(api, user, token)), Duration.ofSeconds(5));
    }
}
