package org.llmtutor.userservice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

class ProfileTest extends IntegrationTest {

    @Test
    void aNewUserHasZeroXpAndAddXpAnswersTheNewTotalInTheContractShape() {
        User user = newUser(Role.USER);
        String token = token(user);

        Api.Response xp = api().get("/profile/" + user.getId() + "/xp", token);
        assertThat(xp.status()).isEqualTo(200);
        assertThat(xp.body()).isEqualTo("{\"xp\":0}");

        Api.Response first = addXp(user, "{\"amount\":230}", token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"status\":\"success\",\"new_xp\":230}");
        assertThat(addXp(user, "{\"amount\":230}", token).body()).isEqualTo("{\"status\":\"success\",\"new_xp\":460}");
        assertThat(api().get("/profile/" + user.getId() + "/xp/", token).body()).isEqualTo("{\"xp\":460}");
    }

    @Test
    void profileAnswersWhatAuthMeAnswersIncludingIsActive() {
        User user = newUser(Role.DEVELOPER);
        String token = token(user);
        addXp(user, "{\"amount\":7}", token);

        Api.Response r = api().get("/profile/" + user.getId(), token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(api().get("/auth/me", token).body());
        assertThat(r.body())
                .matches("\\{\"id\":\"" + user.getId() + "\",\"username\":\"" + user.getUsername()
                        + "\",\"role\":\"developer\",\"xp\":7,"
                        + "\"created_at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\",\"is_active\":true}");
    }

    @Test
    void anInactiveUsersProfileShowsIsActiveFalseToAnAdmin() {
        User user = newUser(Role.USER);
        jdbc.sql("UPDATE users SET is_active = FALSE WHERE id = :id")
                .param("id", user.getId())
                .update();

        Api.Response r = api().get("/profile/" + user.getId(), token(newUser(Role.ADMIN)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("is_active").asBoolean()).isFalse();
    }

    @Test
    void amountsOtherThanAnIntegerFrom1ToTheMaximumAre422NamingAmountAndChangeNothing() {
        User user = newUser(Role.USER);
        String token = token(user);
        List<String> bad = List.of(
                "{}",
                "{\"amount\":null}",
                "{\"amount\":0}",
                "{\"amount\":-5}",
                "{\"amount\":1.5}",
                "{\"amount\":1.0}",
                "{\"amount\":1e3}",
                "{\"amount\":\"5\"}",
                "{\"amount\":true}",
                "{\"amount\":[5]}",
                "{\"amount\":{\"value\":5}}",
                "{\"amount\":100001}",
                "{\"amount\":2147483648}",
                "{\"amount\":99999999999999999999999999}");

        for (String body : bad) {
            Api.Response r = addXp(user, body, token);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").findValuesAsString("field"))
                    .as(body)
                    .containsExactly("amount");
        }
        assertThat(xpOf(user)).isZero();
    }

    @Test
    void aBodyThatIsNotAnAmountObjectIs422AndChangesNothing() {
        User user = newUser(Role.USER);
        String token = token(user);

        for (String body : List.of("", "not json", "[5]", "5", "{\"amount\":")) {
            Api.Response r = addXp(user, body, token);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(422);
            assertThat(r.detail()).isNotBlank();
        }
        assertThat(xpOf(user)).isZero();
    }

    @Test
    void theLargestAllowedAmountIsAccepted() {
        User user = newUser(Role.USER);

        Api.Response r = addXp(user, "{\"amount\":100000}", token(user));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("new_xp").asInt()).isEqualTo(100000);
    }

    @Test
    void anAddThatWouldPassTheIntegerColumnIsRefusedWith409AndNothingChanges() {
        User user = newUser(Role.USER);
        String token = token(user);
        jdbc.sql("UPDATE users SET xp = :xp WHERE id = :id")
                .param("xp", Integer.MAX_VALUE - 10)
                .param("id", user.getId())
                .update();

        Api.Response refused = addXp(user, "{\"amount\":11}", token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).startsWith("XP cannot exceed 2147483647");
        assertThat(xpOf(user)).isEqualTo(Integer.MAX_VALUE - 10);

        assertThat(addXp(user, "{\"amount\":10}", token).json().get("new_xp").asInt())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(addXp(user, "{\"amount\":1}", token).status()).isEqualTo(409);
        assertThat(xpOf(user)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void unknownUserIs404OnEveryProfileEndpoint() {
        String admin = token(newUser(Role.ADMIN));
        UUID ghost = UUID.randomUUID();

        for (Api.Response r : List.of(
                api().get("/profile/" + ghost, admin),
                api().get("/profile/" + ghost + "/xp", admin),
                api().postJson("/profile/" + ghost + "/add_xp", "{\"amount\":5}", admin))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.detail()).isEqualTo("User not found");
        }
    }

    @Test
    void aPathIdThatIsNotAUuidIs422OnEveryProfileEndpoint() {
        String admin = token(newUser(Role.ADMIN));

        for (Api.Response r : List.of(
                api().get("/profile/tmp", admin),
                api().get("/profile/tmp/xp", admin),
                api().postJson("/profile/tmp/add_xp", "{\"amount\":5}", admin))) {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("user_id");
        }
    }

    private Api.Response addXp(User user, String body, String token) {
        return api().postJson("/profile/" + user.getId() + "/add_xp", body, token);
    }

    private int xpOf(User user) {
        return jdbc.sql("SELECT xp FROM users WHERE id = :id")
                .param("id", user.getId())
                .query(Integer.class)
                .single();
    }

    private String token(User user) {
        return api().token(user.getUsername(), PASSWORD);
    }
}
