package org.llmtutor.userservice.auth.token.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import tools.jackson.databind.json.JsonMapper;

/** The jjwt-backed JwtEncoder and JwtDecoder on their own: HS256 and a long enough key, nothing else. */
class JjwtCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-20T10:15:30Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecretKeySpec KEY = key("0123456789abcdef0123456789abcdef");

    private final JjwtEncoder encoder = new JjwtEncoder(KEY, JSON);
    private final JjwtDecoder decoder =
            new JjwtDecoder(KEY, Clock.fixed(NOW, ZoneOffset.UTC), JSON, new AccessTokenClaimsValidator());

    @Test
    void whatTheEncoderSignsTheDecoderReadsBack() {
        UUID userId = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Jwt issued = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(),
                claims(userId).claim("sid", session.toString()).claim("gen", 3).build()));

        Jwt decoded = decoder.decode(issued.getTokenValue());

        assertThat(decoded.getHeaders()).containsEntry("alg", "HS256");
        assertThat(decoded.getExpiresAt()).isEqualTo(NOW.plusSeconds(600));
        AccessToken token = AccessToken.of(decoded);
        assertThat(token.userId()).isEqualTo(userId);
        assertThat(token.username()).isEqualTo("alice");
        assertThat(token.tokenId()).isEqualTo("jti-1");
        assertThat(token.generation()).isEqualTo(3);
        assertThat(token.loginSessionId()).isEqualTo(session);
    }

    @Test
    void onlyHs256IsEverSigned() {
        JwtEncoderParameters hs512 = JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS512).build(),
                claims(UUID.randomUUID()).build());

        assertThatThrownBy(() -> encoder.encode(hs512)).isInstanceOf(JwtEncodingException.class);
    }

    @Test
    void aKeyShorterThan256BitsIsRefusedAtStartup() {
        SecretKeySpec shortKey = key("too-short-for-hs256");

        assertThatThrownBy(() -> new JjwtEncoder(shortKey, JSON)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JjwtDecoder(shortKey, Clock.systemUTC(), JSON, new AccessTokenClaimsValidator()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiryIsCheckedAgainstTheApplicationClockWithoutLeeway() {
        Jwt issued = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(),
                claims(UUID.randomUUID())
                        .issuedAt(NOW.minusSeconds(601))
                        .expiresAt(NOW.minusSeconds(1))
                        .build()));

        assertThatThrownBy(() -> decoder.decode(issued.getTokenValue()))
                .isInstanceOf(BadJwtException.class)
                .hasMessage(JjwtDecoder.EXPIRED);
    }

    @Test
    void malformedClaimsAreNoAccessToken() {
        Jwt issued = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(),
                claims(UUID.randomUUID()).claim("sid", "not-a-uuid").build()));

        assertThatThrownBy(() -> decoder.decode(issued.getTokenValue()))
                .isInstanceOf(BadJwtException.class)
                .hasMessage(JjwtDecoder.INVALID);
    }

    @Test
    void anIssueTimeAfterTheExpiryIsRefusedNotA500() {
        String token = Jwts.builder()
                .json(JacksonJwtJson.serializer(JSON))
                .subject("alice")
                .claim("user_id", UUID.randomUUID().toString())
                .issuedAt(Date.from(NOW.plusSeconds(900)))
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(KEY, Jwts.SIG.HS256)
                .compact();

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(BadJwtException.class)
                .hasMessage(JjwtDecoder.INVALID);
    }

    private static JwtClaimsSet.Builder claims(UUID userId) {
        return JwtClaimsSet.builder()
                .subject("alice")
                .claim("user_id", userId.toString())
                .claim("token_type", "access")
                .id("jti-1")
                .issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(600));
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
