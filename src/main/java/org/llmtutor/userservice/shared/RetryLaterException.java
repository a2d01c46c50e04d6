package org.llmtutor.userservice.shared;

import java.time.Duration;

/**
 * A request that could not be served now but can be soon, the client told when: {@link Reason#THROTTLED} (429, this
 * caller's allowance is taken) or {@link Reason#OVERLOADED} (503, the service is saturated). A domain exception like
 * the others, so {@link GlobalExceptionHandler} answers it through the one problem renderer with {@code Retry-After}.
 */
public abstract class RetryLaterException extends DomainException {

    public enum Reason {
        THROTTLED,
        OVERLOADED
    }

    private final Reason reason;
    private final transient Duration retryAfter;

    protected RetryLaterException(Reason reason, String detail, Duration retryAfter) {
        super(reason == Reason.THROTTLED ? Kind.THROTTLED : Kind.UNAVAILABLE, detail);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
