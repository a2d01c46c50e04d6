package org.llmtutor.userservice.auth.token.jwt;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims of a verified access token that the service relies on.
 *
 * @param generation the user's token generation when issued (0 for tokens of the Python era)
 * @param loginSessionId the refresh-token family the token came from, or null for a plain login
 */
public record AccessToken(
        String username, UUID userId, String tokenId, Instant expiresAt, int generation, UUID loginSessionId) {

    static final String CLAIM_USER_ID = "user_id";
    static final String CLAIM_ROLE = "role";
    static final String CLAIM_TOKEN_TYPE = "token_type";
    static final String CLAIM_GENERATION = "gen";
    static final String CLAIM_LOGIN_SESSION = "sid";
    static final String TYPE_ACCESS = "access";

    /**
     * Reads the claims of a decoded token ({@code sub} = username, {@code user_id}, {@code jti}, {@code exp},
     * {@code gen}, {@code sid}).
     *
     * @throws IllegalArgumentException or ClassCastException when a claim is missing or malformed
     */
    public static AccessToken of(Jwt jwt) {
        Map<String, Object> claims = jwt.getClaims();
        if (jwt.getSubject() == null || jwt.getExpiresAt() == null) {
            throw new IllegalArgumentException("sub and exp are required");
        }
        Object generation = claims.get(CLAIM_GENERATION);
        Object loginSession = claims.get(CLAIM_LOGIN_SESSION);
        return new AccessToken(
                jwt.getSubject(),
                UUID.fromString(String.valueOf(claims.get(CLAIM_USER_ID))),
                jwt.getId(),
                jwt.getExpiresAt(),
                generation == null ? 0 : ((Number) generation).intValue(),
                loginSession == null ? null : UUID.fromString(loginSession.toString()));
    }
}
