package org.llmtutor.userservice.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;

class TokenLifecycleTest extends IntegrationTest {

    @Test
    void passwordGrantReturnsAccessAndRefreshTokens() {
        User user = newUser(Role.USER);
        Api.Response r = api().passwordGrant(user.getUsername(), PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("refresh_token").asString()).startsWith("rt_");
        assertThat(body.get("expires_in").asLong()).isEqualTo(10080 * 60);
        assertThat(api().get("/auth/me", body.get("access_token").asString()).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE token_hash = :t")
                        .param("t", body.get("refresh_token").asString())
                        .query(Integer.class)
                        .single())
                .as("stored hashed only")
                .isZero();
    }

    @Test
    void plainLoginResponseIsUnchangedWithoutRefreshToken() {
        User user = newUser(Role.USER);
        assertThat(api().login(user.getUsername(), PASSWORD).json().has("refresh_token"))
                .isFalse();
    }

    @Test
    void refreshRotatesAndEachRefreshTokenWorksOnce() {
        User user = newUser(Role.USER);
        String first = api().passwordGrant(user.getUsername(), PASSWORD)
                .json()
                .get("refresh_token")
                .asString();

        Api.Response rotated = api().refreshGrant(first);
        assertThat(rotated.status()).isEqualTo(200);
        String next = rotated.json().get("refresh_token").asString();
        assertThat(next).isNotEqualTo(first);
        assertThat(api().get("/auth/me", rotated.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);
        assertThat(api().refreshGrant(next).status()).isEqualTo(200);
    }

    @Test
    void reusedRefreshTokenAfterTheGraceWindowEndsTheWholeFamily() {
        User user = newUser(Role.USER);
        JsonNode start = api().passwordGrant(user.getUsername(), PASSWORD).json();
        String first = start.get("refresh_token").asString();
        JsonNode rotated = api().refreshGrant(first).json();
        clock.advance(Duration.ofSeconds(11));

        Api.Response reuse = api().refreshGrant(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.detail()).isEqualTo("Invalid refresh token");
        assertThat(api().refreshGrant(rotated.get("refresh_token").asString()).status())
                .as("the thief's (or victim's) newer token is dead too")
                .isEqualTo(401);
        assertThat(api().get("/auth/me", rotated.get("access_token").asString()).status())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE event_type = 'REFRESH_REUSE' AND user_id = :u")
                        .param("u", user.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refreshTokenExpiresAfterItsAbsoluteLifetime() {
        User user = newUser(Role.USER);
        String token = api().passwordGrant(user.getUsername(), PASSWORD)
                .json()
                .get("refresh_token")
                .asString();
        clock.advance(Duration.ofDays(30).plusSeconds(1));

        assertThat(api().refreshGrant(token).status()).isEqualTo(401);
    }

    @Test
    void refreshTokenIsNeverAnAccessTokenNorTheReverse() {
        User user = newUser(Role.USER);
        JsonNode pair = api().passwordGrant(user.getUsername(), PASSWORD).json();

        assertThat(api().get("/auth/me", pair.get("refresh_token").asString()).status())
                .isEqualTo(401);
        assertThat(api().refreshGrant(pair.get("access_token").asString()).status())
                .isEqualTo(401);
    }

    @Test
    void loginSessionsAreListedAndCanBeEnded() {
        User user = newUser(Role.USER);
        JsonNode laptop = api().passwordGrant(user.getUsername(), PASSWORD).json();
        JsonNode phone = api().passwordGrant(user.getUsername(), PASSWORD).json();
        String token = laptop.get("access_token").asString();

        Api.Response list = api().get("/auth/sessions", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().findValuesAsString("user_agent")).allMatch(ua -> ua.startsWith("Java-http-client"));
        assertThat(list.json().findValues("current").stream().filter(JsonNode::asBoolean))
                .hasSize(1);

        String phoneSession = list.json().findValues("id").stream()
                .map(JsonNode::asString)
                .filter(id -> !id.equals(currentSessionId(list)))
                .findFirst()
                .orElseThrow();
        assertThat(api().delete("/auth/sessions/" + phoneSession, token).status())
                .isEqualTo(200);
        assertThat(api().refreshGrant(phone.get("refresh_token").asString()).status())
                .isEqualTo(401);
        assertThat(api().get("/auth/me", phone.get("access_token").asString()).status())
                .isEqualTo(401);
        assertThat(api().get("/auth/me", token).status()).isEqualTo(200);
        assertThat(api().delete("/auth/sessions/" + phoneSession, token).status())
                .isEqualTo(404);
    }

    @Test
    void anotherUsersLoginSessionCannotBeEnded() {
        User alice = newUser(Role.USER);
        User bob = newUser(Role.USER);
        String aliceToken = api().passwordGrant(alice.getUsername(), PASSWORD)
                .json()
                .get("access_token")
                .asString();
        String aliceSession = currentSessionId(api().get("/auth/sessions", aliceToken));

        String bobToken = api().token(bob.getUsername(), PASSWORD);
        assertThat(api().delete("/auth/sessions/" + aliceSession, bobToken).status())
                .isEqualTo(404);
        assertThat(api().get("/auth/me", aliceToken).status()).isEqualTo(200);
    }

    @Test
    void passwordChangeEndsOtherTokensAndReturnsAFreshOne() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        String elsewhere = api().token(user.getUsername(), PASSWORD);

        Api.Response r = api().postJson(
                        "/auth/password",
                        "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"brand new secret\"}",
                        token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(api().get("/auth/me", r.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/auth/me", elsewhere).status()).isEqualTo(401);
        assertThat(api().get("/auth/me", token).status()).isEqualTo(401);
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(401);
        assertThat(api().login(user.getUsername(), "brand new secret").status()).isEqualTo(200);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAValidNewOne() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        Api.Response wrong = api().postJson(
                        "/auth/password",
                        "{\"current_password\":\"nope nope\",\"new_password\":\"brand new secret\"}",
                        token);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.detail()).isEqualTo("Current password is incorrect");
        Api.Response weak = api().postJson(
                        "/auth/password",
                        "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"short\"}",
                        token);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("errors").findValuesAsString("field")).containsExactly("new_password");
        Api.Response missing = api().postJson("/auth/password", "{}", token);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(api().get("/auth/me", token).status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheLockout() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        for (int i = 0; i < 5; i++) {
            api().postJson(
                            "/auth/password",
                            "{\"current_password\":\"guess " + i + "\",\"new_password\":\"brand new secret\"}",
                            token);
        }

        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void tokenGrantValidatesItsFields() {
        assertThat(api().postForm("/auth/token", Map.of("grant_type", "client_credentials"))
                        .status())
                .isEqualTo(422);
        assertThat(api().postForm("/auth/token", Map.of("grant_type", "refresh_token"))
                        .status())
                .isEqualTo(422);
        assertThat(api().postForm("/auth/token", Map.of("grant_type", "password", "username", "x"))
                        .status())
                .isEqualTo(422);
        assertThat(api().refreshGrant("rt_unknown").status()).isEqualTo(401);
    }

    private static String currentSessionId(Api.Response list) {
        for (JsonNode session : list.json()) {
            if (session.get("current").asBoolean()) {
                return session.get("id").asString();
            }
        }
        throw new AssertionError("no current session in " + list.body());
    }
}
