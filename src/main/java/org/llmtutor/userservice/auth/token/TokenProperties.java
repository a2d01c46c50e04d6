package org.llmtutor.userservice.auth.token;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param refreshLifetime absolute lifetime of a login session (refresh-token family), however often it is refreshed
 * @param refreshReuseGrace how long a just-used refresh token may be presented again (two tabs refreshing at once)
 *     before the reuse counts as theft and ends the whole family
 * @param purgeInterval how often expired revocations and login sessions are deleted
 * @param stateTtl how long an instance keeps a token check's answer from the database (user state, login session,
 *     logged-out jti) in memory at most: changes are announced at once, this bounds staleness should one be missed
 */
@Validated
@ConfigurationProperties("app.tokens")
public record TokenProperties(
        @NotNull(message = "REFRESH_TOKEN_LIFETIME must be positive")
        @DurationMin(nanos = 0, inclusive = false, message = "REFRESH_TOKEN_LIFETIME must be positive")
        Duration refreshLifetime,

        @NotNull(message = "REFRESH_REUSE_GRACE must not be negative")
        @DurationMin(nanos = 0, message = "REFRESH_REUSE_GRACE must not be negative")
        Duration refreshReuseGrace,

        Duration purgeInterval,

        @NotNull(message = "TOKEN_STATE_TTL must be positive")
        @DurationMin(nanos = 0, inclusive = false, message = "TOKEN_STATE_TTL must be positive")
        Duration stateTtl) {}
