package org.llmtutor.userservice.auth.login.queue;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many logins this instance lets at its hashing pool at once, and what happens to the others (see
 * {@link LoginQueue}). Per instance on purpose: what they ration is this instance's CPU. The longest a login waits in
 * the queue is {@code HASHING_MAX_WAIT}, the longest a check may wait to start.
 *
 * @param concurrentChecks logins past the queue at once; 0 means two more than the hashing threads: one client alone
 *     then has one check waiting at the pool, so no hashing thread waits for a login's own request work (HTTP, the
 *     database), and the last slot is for a second client
 * @param maxLength logins waiting in the queue; each holds a request thread, so keep it well under the server's
 *     thread count. When it is full, the client with the most waiting logins loses its newest one
 * @param refusalDelay how long a refused login is held (without a thread) before its 503 is answered, so that a client
 *     retrying at once cannot retry faster than that
 */
@ConfigurationProperties("app.login.queue")
public record LoginQueueProperties(
        @Min(value = 0, message = "LOGIN_CONCURRENT_CHECKS must be 0 (two more than the hashing threads) or more")
        int concurrentChecks,

        @Min(value = 0, message = "LOGIN_QUEUE_LENGTH must not be negative")
        int maxLength,

        @NotNull(message = "LOGIN_REFUSAL_DELAY must not be negative")
        @DurationMin(nanos = 0, message = "LOGIN_REFUSAL_DELAY must not be negative")
        Duration refusalDelay) {}
