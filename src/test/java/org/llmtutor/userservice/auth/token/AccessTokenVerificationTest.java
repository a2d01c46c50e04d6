package org.llmtutor.userservice.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.token.jwt.JacksonJwtJson;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** Which access tokens a request may carry: signature, algorithm, type, expiry, and the user still standing. */
class AccessTokenVerificationTest extends IntegrationTest {

    @Value("${app.jwt.secret}")
    String secret;

    @Test
    void validTokenReachesTheCallersOwnProfile() {
        User user = newUser(Role.DEVELOPER);
        Api.Response me = api().get("/auth/me", api().token(user.getUsername(), PASSWORD));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(user.getId().toString());
        assertThat(me.json().get("username").asString()).isEqualTo(user.getUsername());
        assertThat(me.json().get("role").asString()).isEqualTo("developer");
        assertThat(me.json().get("xp").asInt()).isZero();
        assertThat(me.json().get("created_at").asString())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
    }

    @Test
    void trailingSlashMeansTheSamePath() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        assertThat(api().get("/auth/me/", token).status()).isEqualTo(200);
        assertThat(api().get("/health/", null).body()).isEqualTo("{\"status\":\"ok\",\"service\":\"user-service\"}");
    }

    @Test
    void missingTokenIs401JsonWithBearerChallenge() {
        Api.Response r = api().get("/auth/me", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.detail()).isEqualTo("Not authenticated");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void expiredTokenIs401NotA500() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        clock.advance(Duration.ofMinutes(10080).plusSeconds(1));

        Api.Response r = api().get("/auth/me", token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.detail()).isEqualTo("Token has expired");
    }

    @Test
    void aTokenVerifiedBeforeStillExpiresOnTime() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        assertThat(api().get("/auth/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10079));
        assertThat(api().get("/auth/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));

        Api.Response r = api().get("/auth/me", token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.detail()).isEqualTo("Token has expired");
    }

    @Test
    void tamperedPayloadIs401() {
        User user = newUser(Role.USER);
        String[] parts = api().token(user.getUsername(), PASSWORD).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"user\"", "\"role\":\"admin\"");
        String forged = parts[0] + "." + base64(payload) + "." + parts[2];

        assertRejected(forged);
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        User user = newUser(Role.USER);
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"" + user.getUsername() + "\",\"user_id\":\"" + user.getId() + "\",\"exp\":"
                + (Instant.now().getEpochSecond() + 3600) + "}");

        assertRejected(header + "." + payload + ".");
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        User user = newUser(Role.USER);
        SecretKey other =
                Keys.hmacShaKeyFor("another-secret-that-is-long-enough-for-hs256!".getBytes(StandardCharsets.UTF_8));

        assertRejected(token(user, other, "HS256", Map.of("token_type", "access")));
    }

    @Test
    void tokenSignedWithTheRightSecretButAnotherAlgorithmIs401() {
        User user = newUser(Role.USER);

        assertRejected(token(user, sharedKey(), "HS384", Map.of("token_type", "access")));
    }

    @Test
    void refreshTypedTokenIsNeverAnAccessToken() {
        User user = newUser(Role.USER);

        assertRejected(token(user, sharedKey(), "HS256", Map.of("token_type", "refresh")));
    }

    @Test
    void pythonEraTokenWithoutTypeStillWorks() {
        User user = newUser(Role.USER);

        assertThat(api().get("/auth/me", token(user, sharedKey(), "HS256", Map.of()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void tokenOfADeletedUserIs401() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", user.getId()).update();

        assertRejected(token);
    }

    @Test
    void tokenOfADisabledUserIs401() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        jdbc.sql("UPDATE users SET is_active = FALSE WHERE id = :id")
                .param("id", user.getId())
                .update();

        assertRejected(token);
    }

    @Test
    void garbageAndMalformedClaimsAre401() {
        User user = newUser(Role.USER);
        assertRejected("not-a-jwt");
        assertRejected("");
        String badUserId = Jwts.builder()
                .json(JacksonJwtJson.serializer(JsonMapper.builder().build()))
                .subject(user.getUsername())
                .claim("user_id", "tmp")
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(sharedKey(), Jwts.SIG.HS256)
                .compact();
        assertRejected(badUserId);
    }

    @Test
    void invalidTokenDoesNotBlockOpenPaths() {
        assertThat(api().get("/health", "not-a-jwt").status()).isEqualTo(200);
        assertThat(api().login(uniqueName("nobody"), "whatever").status()).isEqualTo(401);
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAsThePythonServiceHadIt() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        Api.Response r = api().send(api().request("/auth/me", null)
                .header("Authorization", "bearer " + token)
                .GET());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void anotherAuthorizationSchemeIsARefusedCredentialButOpenPathsIgnoreIt() {
        Api.Response me = api().send(api().request("/auth/me", null)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET());
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.detail()).isEqualTo("Could not validate credentials");
        assertThat(me.header("WWW-Authenticate")).isEqualTo("Bearer");

        Api.Response health = api().send(api().request("/health", null)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET());
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void aScopeClaimInAUsersTokenGrantsNothing() {
        User user = newUser(Role.USER);
        String token = token(user, sharedKey(), "HS256", Map.of("token_type", "access", "scope", "metrics:read"));

        assertThat(api().get("/auth/me", token).status()).isEqualTo(200);
        Api.Response metrics = api().get("/actuator/prometheus", token);
        assertThat(metrics.status()).isEqualTo(403);
        assertThat(metrics.detail()).isEqualTo("Not enough permissions");
    }

    private void assertRejected(String token) {
        Api.Response r = api().get("/auth/me", token);
        assertThat(r.status()).as("token %s", token).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.detail()).isNotBlank();
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    private SecretKey sharedKey() {
        return Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(User user, SecretKey key, String algorithm, Map<String, String> extraClaims) {
        var builder = Jwts.builder()
                .json(JacksonJwtJson.serializer(JsonMapper.builder().build()))
                .subject(user.getUsername())
                .claim("user_id", user.getId().toString())
                .claims(extraClaims)
                .expiration(Date.from(Instant.now().plusSeconds(600)));
        return switch (algorithm) {
            case "HS256" -> builder.signWith(key, Jwts.SIG.HS256).compact();
            case "HS384" -> builder.signWith(key, Jwts.SIG.HS384).compact();
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
