package org.llmtutor.userservice.shared;

import java.time.Duration;

/**
 * A failure the domain expects (a user that does not exist, a session id someone else holds, an account locked until
 * a given time), thrown by services in their own terms. {@link GlobalExceptionHandler} is the one place that turns the
 * {@link Kind} into an HTTP answer; the message is the human-readable {@code detail} the client sees, so it never
 * carries internals. No stack trace: these are answers, not faults.
 */
public abstract class DomainException extends RuntimeException {

    /** What went wrong, in the terms the mapping to HTTP needs and nothing more. */
    public enum Kind {
        /** The request cannot be done as asked (a name already taken, a wrong current password). */
        REJECTED,
        /** The caller's credential or password is not good. */
        NOT_AUTHENTICATED,
        /** The caller is known but may not do this now (a locked account). */
        REFUSED,
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The request contradicts what is stored (a sum past its ceiling, a change made meanwhile). */
        CONFLICT,
        /** Some fields of the input are not acceptable. */
        INVALID,
        /** Too many attempts; try again later. */
        THROTTLED,
        /** Something the service depends on is away for now; try again later. */
        UNAVAILABLE
    }

    private final Kind kind;

    protected DomainException(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** When a retry may succeed (answered as {@code Retry-After}); null when the kind has no such moment. */
    public Duration retryAfter() {
        return null;
    }
}
