package org.llmtutor.userservice.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refreshLifetime absolute lifetime of a login session (refresh-token family), however often it is refreshed
 * @param refreshReuseGrace how long a just-used refresh token may be presented again (two tabs refreshing at once)
 *     before the reuse counts as theft and ends the whole family
 * @param purgeInterval how often expired revocations and login sessions are deleted
 * @param stateTtl how long an instance keeps a token check's answer from the database (user state, login session,
 *     logged-out jti) in memory at most: changes are announced at once, this bounds staleness should one be missed
 */
@ConfigurationProperties("app.tokens")
public record TokenProperties(
        Duration refreshLifetime, Duration refreshReuseGrace, Duration purgeInterval, Duration stateTtl) {

    public TokenProperties {
        if (refreshLifetime.isNegative() || refreshLifetime.isZero()) {
            throw new IllegalStateException("REFRESH_TOKEN_LIFETIME must be positive");
        }
        if (refreshReuseGrace.isNegative()) {
            throw new IllegalStateException("REFRESH_REUSE_GRACE must not be negative");
        }
        if (stateTtl.isNegative() || stateTtl.isZero()) {
            throw new IllegalStateException("TOKEN_STATE_TTL must be positive");
        }
    }
}
