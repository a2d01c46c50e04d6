package org.llmtutor.userservice.user;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pool every password check and hash runs on.
 *
 * @param threads hashing threads; 0 means one per core (BCrypt is pure CPU: more threads than cores only queue inside
 *     the scheduler, where every other request waits with them)
 * @param maxWait the longest a check may expect to queue for a thread; a caller who would wait longer is refused at once
 *     (503 with Retry-After) instead of piling up
 * @param maxQueue hard bound on queued checks, whatever the estimate says
 */
@ConfigurationProperties("app.hashing")
public record HashingProperties(
        @Min(value = 0, message = "HASHING_THREADS must be 0 (one per core) or more")
        int threads,

        @NotNull(message = "HASHING_MAX_WAIT must be zero or positive")
        @DurationMin(nanos = 0, message = "HASHING_MAX_WAIT must be zero or positive")
        Duration maxWait,

        @Min(value = 1, message = "HASHING_MAX_QUEUE must be at least 1")
        int maxQueue) {

    int threadCount() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
