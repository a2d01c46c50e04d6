package org.llmtutor.userservice.common;

import java.time.Duration;

/**
 * A request that could not be served now but can be soon, the client told when: {@link Reason#THROTTLED} (429, this
 * caller's allowance is taken) or {@link Reason#OVERLOADED} (503, the service is saturated).
 */
public abstract class RetryLaterException extends RuntimeException {

    public enum Reason {
        THROTTLED,
        OVERLOADED
    }

    private final Reason reason;
    private final transient Duration retryAfter;

    protected RetryLaterException(Reason reason, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
