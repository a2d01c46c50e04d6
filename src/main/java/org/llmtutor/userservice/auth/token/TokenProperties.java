package org.llmtutor.userservice.auth.token;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refreshLifetime absolute lifetime of a login session (refresh-token family), however often it is refreshed
 * @param refreshReuseGrace how long a just-used refresh token may be presented again (two tabs refreshing at once)
 *     before the reuse counts as theft and ends the whole family
 * @param purgeInterval how often expired revocations and login sessions are deleted
 * @param stateTtl how long an instance keeps a token check's answer from the database (user state, login session,
 *     logged-out jti) in memory at most: changes are announced at once, this bounds staleness should one be missed
 * @param listenUrl a JDBC URL straight to PostgreSQL for the connection that LISTENs for those announcements, when the
 *     pool's URL goes through a pooler in transaction mode (PgBouncer), which cannot keep a LISTEN; empty: the
 *     datasource's URL (docs/scaling.md)
 */
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
        Duration stateTtl,

        @Pattern(regexp = "(jdbc:postgresql:.*)?", message = "TOKEN_STATE_LISTEN_URL must be a jdbc:postgresql: URL")
        String listenUrl) {}
