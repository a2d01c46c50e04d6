package org.llmtutor.userservice.auth.token.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's {@link JwtDecoder} over jjwt: the signature is checked with the shared secret and HS256 only (the parser
 * knows no other algorithm, so neither {@code alg:none} nor another HMAC size passes), the expiry against the
 * application clock with no leeway, and then the {@link OAuth2TokenValidator} (token type, claim shapes).
 *
 * <p>Tokens that passed are remembered by their exact text: verifying and parsing was a quarter of the CPU of an
 * authenticated request (JFR, GET /health with a token) and clients present the same token over and over. A hit is the
 * same bytes under the same signature; its expiry is still checked against the clock on every use.
 */
public final class JjwtDecoder implements JwtDecoder {

    public static final String INVALID = "Could not validate credentials";
    public static final String EXPIRED = "Token has expired";

    // Tokens in use at once; about 2 KB each with their claims.
    private static final int MAX_REMEMBERED = 10_000;

    private final JwtParser parser;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public JjwtDecoder(SecretKey key, Clock clock, JsonMapper json, OAuth2TokenValidator<Jwt> validator) {
        JjwtEncoder.requireHs256Key(key);
        this.parser = Jwts.parser()
                .sig()
                .clear()
                .add(Jwts.SIG.HS256)
                .and()
                .verifyWith(key)
                .clock(() -> Date.from(clock.instant()))
                .json(JacksonJwtJson.deserializer(json))
                .build();
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            // jjwt's rule: expired once the clock is past exp.
            if (clock.instant().isAfter(known.getExpiresAt())) {
                verified.invalidate(token);
                throw new BadJwtException(EXPIRED);
            }
            return known;
        }
        Jws<Claims> jws;
        try {
            // parseSignedClaims refuses unsigned and unverifiable tokens outright.
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            throw new BadJwtException(EXPIRED, e);
        } catch (io.jsonwebtoken.JwtException | IllegalArgumentException e) {
            throw new BadJwtException(INVALID, e);
        }
        Claims claims = jws.getPayload();
        if (claims.isEmpty() || claims.getExpiration() == null) {
            throw new BadJwtException(INVALID);
        }
        Jwt.Builder builder = Jwt.withTokenValue(token)
                .headers(h -> h.putAll(jws.getHeader()))
                .claims(c -> c.putAll(claims))
                .expiresAt(claims.getExpiration().toInstant());
        if (claims.getIssuedAt() != null) {
            builder.issuedAt(claims.getIssuedAt().toInstant());
        }
        Jwt jwt;
        try {
            jwt = builder.build();
        } catch (IllegalArgumentException e) {
            // Spring's Jwt refuses what jjwt lets through, such as an issue time after the expiry.
            throw new BadJwtException(INVALID, e);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(INVALID, result.getErrors());
        }
        verified.put(token, jwt);
        return jwt;
    }
}
