package org.llmtutor.userservice.user;

import java.time.Duration;

/** Every hashing thread is busy for longer than a caller may wait: try again after {@link #retryAfter()}. */
public class HashingOverloadedException extends RuntimeException {

    private final transient Duration retryAfter;

    public HashingOverloadedException(Duration retryAfter) {
        super("Too many logins at once; try again shortly", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
