package org.llmtutor.userservice.auth.token;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.llmtutor.userservice.user.User;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues and verifies the platform's access tokens: HS256 over the shared secret, with the claims the other services
 * read ({@code sub} = username, {@code user_id}, {@code exp}) plus {@code iat}, {@code jti}, {@code role} and
 * {@code token_type}.
 */
@Service
public class JwtService {

    static final String ALGORITHM = "HS256";
    static final String CLAIM_USER_ID = "user_id";
    static final String CLAIM_ROLE = "role";
    static final String CLAIM_TOKEN_TYPE = "token_type";
    static final String CLAIM_GENERATION = "gen";
    static final String CLAIM_LOGIN_SESSION = "sid";
    static final String ACCESS = "access";

    private final SecretKey key;
    private final Duration lifetime;
    private final Clock clock;
    private final JsonMapper json;
    private final JwtParser parser;

    public JwtService(SecretKey jwtSigningKey, JwtProperties properties, Clock clock, JsonMapper json) {
        this.key = jwtSigningKey;
        this.lifetime = Duration.ofMinutes(properties.accessTokenExpireMinutes());
        this.clock = clock;
        this.json = json;
        this.parser = Jwts.parser()
                .verifyWith(jwtSigningKey)
                .clock(() -> Date.from(clock.instant()))
                .json(JacksonJwtJson.deserializer(json))
                .build();
    }

    public IssuedToken issueAccessToken(User user) {
        return issueAccessToken(user, null);
    }

    /** @param loginSessionId the refresh-token family the token belongs to, or null */
    public IssuedToken issueAccessToken(User user, UUID loginSessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        var builder = Jwts.builder();
        if (loginSessionId != null) {
            builder.claim(CLAIM_LOGIN_SESSION, loginSessionId.toString());
        }
        String token = builder.json(JacksonJwtJson.serializer(json))
                .subject(user.getUsername())
                .claim(CLAIM_USER_ID, user.getId().toString())
                .claim(CLAIM_ROLE, user.getRole().wireName())
                .claim(CLAIM_TOKEN_TYPE, ACCESS)
                .claim(CLAIM_GENERATION, user.getTokenGeneration())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expires))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expires);
    }

    /**
     * Verifies signature, algorithm, expiry and type. Tokens without {@code token_type} were issued by the Python
     * service (same secret, same claims) and count as access tokens, so no user is logged out by the switch.
     */
    public AccessToken parseAccessToken(String token) throws InvalidTokenException {
        Jws<Claims> jws;
        try {
            // parseSignedClaims refuses unsigned (alg:none) and unverifiable tokens outright.
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException("Token has expired");
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("Could not validate credentials");
        }
        if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("Could not validate credentials");
        }
        Claims claims = jws.getPayload();
        Object type = claims.get(CLAIM_TOKEN_TYPE);
        if (type != null && !ACCESS.equals(type)) {
            throw new InvalidTokenException("Could not validate credentials");
        }
        if (claims.getExpiration() == null || claims.getSubject() == null) {
            throw new InvalidTokenException("Could not validate credentials");
        }
        try {
            Object sid = claims.get(CLAIM_LOGIN_SESSION);
            Object gen = claims.get(CLAIM_GENERATION);
            return new AccessToken(
                    claims.getSubject(),
                    UUID.fromString(String.valueOf(claims.get(CLAIM_USER_ID))),
                    claims.getId(),
                    claims.getExpiration().toInstant(),
                    gen == null ? 0 : ((Number) gen).intValue(),
                    sid == null ? null : UUID.fromString(sid.toString()));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidTokenException("Could not validate credentials");
        }
    }

    public record IssuedToken(String token, Instant expiresAt) {}
}
