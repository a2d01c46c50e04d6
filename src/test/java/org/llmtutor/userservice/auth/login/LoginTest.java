package org.llmtutor.userservice.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.token.jwt.JacksonJwtJson;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.CountingPasswordEncoder;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

class LoginTest extends IntegrationTest {

    private static final String LOCKED_PATTERN =
            "Account is locked due to multiple failed login attempts\\. Locked until"
                    + " \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\.";

    @Autowired
    CountingPasswordEncoder encoder;

    @Value("${app.jwt.secret}")
    String secret;

    @Test
    void correctPasswordReturnsTokenResponseInContractFieldOrder() {
        User user = newUser(Role.USER);
        Api.Response r = api().login(user.getUsername(), PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .matches("\\{\"access_token\":\"[^\"]+\",\"token_type\":\"bearer\",\"user_id\":\"" + user.getId()
                        + "\",\"username\":\"" + user.getUsername() + "\"}");
    }

    @Test
    void accessTokenCarriesThePlatformClaimsSignedHs256WithTheSharedSecret() {
        User user = newUser(Role.DEVELOPER);
        String token = api().token(user.getUsername(), PASSWORD);

        var jws = Jwts.parser()
                .verifyWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)))
                .json(JacksonJwtJson.deserializer(JsonMapper.builder().build()))
                .build()
                .parseSignedClaims(token);
        Claims claims = jws.getPayload();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("HS256");
        assertThat(claims.getSubject()).isEqualTo(user.getUsername());
        assertThat(claims.get("user_id", String.class)).isEqualTo(user.getId().toString());
        assertThat(claims.get("role", String.class)).isEqualTo("developer");
        assertThat(claims.get("token_type", String.class)).isEqualTo("access");
        assertThat(claims.getId()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
                .isEqualTo(Duration.ofMinutes(10080));
    }

    @Test
    void multipartFormLoginIsAccepted() {
        User user = newUser(Role.USER);
        String boundary = "----boundary" + UUID.randomUUID();
        String body = part(boundary, "username", user.getUsername()) + part(boundary, "password", PASSWORD) + "--"
                + boundary + "--\r\n";
        Api.Response r = api().send(api().request("/auth/login", null)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("user_id").asString()).isEqualTo(user.getId().toString());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        User user = newUser(Role.USER);
        Api.Response wrong = api().login(user.getUsername(), "not the password");
        Api.Response unknown = api().login(uniqueName("nobody"), "not the password");

        // Byte for byte the same answer: nothing tells an unknown username from a wrong password.
        assertThat(wrong.body()).isEqualTo(unknown.body());
        for (Api.Response r : List.of(wrong, unknown)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.detail()).isEqualTo("Incorrect username or password");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void unknownUserCostsExactlyOneBcryptVerificationLikeAWrongPassword() {
        User user = newUser(Role.USER);
        long before = encoder.verifications();
        api().login(user.getUsername(), "not the password");
        long afterWrong = encoder.verifications();
        api().login(uniqueName("nobody"), "not the password");
        long afterUnknown = encoder.verifications();

        assertThat(afterWrong - before).isEqualTo(1);
        assertThat(afterUnknown - afterWrong).isEqualTo(1);
    }

    @Test
    void lockedUsernameStillCostsOneVerificationSoLockedAndUnlockedLookAlike() {
        String name = uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            api().login(name, "guess " + i);
        }
        long before = encoder.verifications();
        Api.Response locked = api().login(name, "guess");

        assertThat(locked.status()).isEqualTo(403);
        assertThat(encoder.verifications() - before).isEqualTo(1);
    }

    @Test
    void usernamesAreMatchedCaseSensitively() {
        User user = userService.create(uniqueName("Alice"), PASSWORD, Role.USER);

        assertThat(api().login(user.getUsername().toLowerCase(), PASSWORD).status())
                .isEqualTo(401);
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void missingOrEmptyFieldsAre422NamingEachField() {
        Api.Response none = api().postForm("/auth/login", Map.of());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("errors").findValuesAsString("field")).containsExactly("password", "username");
        assertThat(none.detail()).isNotBlank();

        Api.Response empty = api().postForm("/auth/login", Map.of("username", "", "password", "x"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("username");
    }

    @Test
    void grantTypeOtherThanPasswordIs422() {
        User user = newUser(Role.USER);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("username", user.getUsername());
        form.put("password", PASSWORD);

        Api.Response r = api().postForm("/auth/login", form);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("grant_type");

        form.put("grant_type", "password");
        form.put("scope", "");
        form.put("client_id", "ignored");
        assertThat(api().postForm("/auth/login", form).status()).isEqualTo(200);
    }

    @Test
    void jsonBodyIsRefusedWith415Json() {
        Api.Response r = api().postJson("/auth/login", "{\"username\":\"a\",\"password\":\"b\"}", null);

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.detail()).isNotBlank();
    }

    @Test
    void passwordOfExactly72BytesWorksAndLongerInputIsNeverTruncatedIntoIt() {
        String password72 = "é".repeat(36); // 36 two-byte characters: 72 bytes
        User user = userService.create(uniqueName("long"), password72, Role.USER);

        assertThat(api().login(user.getUsername(), password72).status()).isEqualTo(200);
        Api.Response longer = api().login(user.getUsername(), password72 + "x");
        assertThat(longer.status()).isEqualTo(401);
        assertThat(longer.detail()).isEqualTo("Incorrect username or password");
        assertThat(api().login(uniqueName("nobody"), "p".repeat(5000)).status()).isEqualTo(401);
    }

    @Test
    void fifthFailureLocksAndTheSixthAttemptGets403EvenWithTheRightPassword() {
        User user = newUser(Role.USER);
        for (int i = 1; i <= 5; i++) {
            assertThat(api().login(user.getUsername(), "wrong " + i).status())
                    .as("attempt %d", i)
                    .isEqualTo(401);
        }
        Api.Response locked = api().login(user.getUsername(), PASSWORD);

        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.detail()).matches(LOCKED_PATTERN);
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        User user = newUser(Role.USER);
        lockOut(user.getUsername());
        String first = api().login(user.getUsername(), "wrong").detail();
        clock.advance(Duration.ofMinutes(2));
        String later = api().login(user.getUsername(), "wrong").detail();

        assertThat(later).isEqualTo(first);
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void expiredLockStartsAFreshCountInsteadOfRelocking() {
        User user = newUser(Role.USER);
        lockOut(user.getUsername());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        for (int i = 1; i <= 4; i++) {
            assertThat(api().login(user.getUsername(), "wrong").status())
                    .as("attempt %d", i)
                    .isEqualTo(401);
        }
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void repeatedLockoutsLockLongerUpToTheCap() {
        User user = newUser(Role.USER);
        lockOut(user.getUsername());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        lockOut(user.getUsername());

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(api().login(user.getUsername(), PASSWORD).status())
                .as("second lock lasts 10 minutes")
                .isEqualTo(403);
        clock.advance(Duration.ofMinutes(5));
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        User user = newUser(Role.USER);
        for (int i = 0; i < 4; i++) {
            api().login(user.getUsername(), "wrong");
        }
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(api().login(user.getUsername(), "wrong").status()).isEqualTo(401);
        }
        assertThat(api().login(user.getUsername(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownUsernamesLockExactlyLikeExistingOnes() {
        User user = newUser(Role.USER);
        String unknown = uniqueName("nobody");
        lockOut(user.getUsername());
        lockOut(unknown);

        Api.Response existing = api().login(user.getUsername(), "wrong");
        Api.Response missing = api().login(unknown, "wrong");
        assertThat(missing.status()).isEqualTo(existing.status()).isEqualTo(403);
        assertThat(missing.detail()).matches(LOCKED_PATTERN);
        assertThat(missing.headers().keySet()).isEqualTo(existing.headers().keySet());
    }

    @Test
    void disabledUserCannotLogInAndLooksLikeAWrongPassword() {
        User user = newUser(Role.USER);
        jdbc.sql("UPDATE users SET is_active = FALSE WHERE id = :id")
                .param("id", user.getId())
                .update();

        Api.Response r = api().login(user.getUsername(), PASSWORD);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.detail()).isEqualTo("Incorrect username or password");
    }

    private void lockOut(String username) {
        for (int i = 0; i < 5; i++) {
            api().login(username, "wrong");
        }
        assertThat(api().login(username, "wrong").status()).isEqualTo(403);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
