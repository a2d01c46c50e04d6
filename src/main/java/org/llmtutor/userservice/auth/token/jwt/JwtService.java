package org.llmtutor.userservice.auth.token.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.llmtutor.userservice.user.User;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues the platform's access tokens: HS256 over the shared secret, with the claims the other services read
 * ({@code sub} = username, {@code user_id}, {@code exp}) plus {@code iat}, {@code jti}, {@code role},
 * {@code token_type}, the user's token generation ({@code gen}) and the login session ({@code sid}) if any.
 */
@Service
public class JwtService {

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    public JwtService(JwtEncoder encoder, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.lifetime = Duration.ofMinutes(properties.accessTokenExpireMinutes());
        this.clock = clock;
    }

    public IssuedToken issueAccessToken(User user) {
        return issueAccessToken(user, null);
    }

    /** @param loginSessionId the refresh-token family the token belongs to, or null */
    public IssuedToken issueAccessToken(User user, UUID loginSessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder();
        if (loginSessionId != null) {
            claims.claim(AccessToken.CLAIM_LOGIN_SESSION, loginSessionId.toString());
        }
        claims.subject(user.getUsername())
                .claim(AccessToken.CLAIM_USER_ID, user.getId().toString())
                .claim(AccessToken.CLAIM_ROLE, user.getRole().wireName())
                .claim(AccessToken.CLAIM_TOKEN_TYPE, AccessToken.TYPE_ACCESS)
                .claim(AccessToken.CLAIM_GENERATION, user.getTokenGeneration())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expires);
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new IssuedToken(token, expires);
    }

    public record IssuedToken(String token, Instant expiresAt) {}
}
