package org.llmtutor.userservice.auth.login;

import java.time.Duration;

/**
 * The username's allowance stayed taken by password checks still running for longer than the admission wait: not a
 * refusal of the password, which was never checked; try again after {@link #retryAfter()}.
 */
public class LoginThrottledException extends RuntimeException {

    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many logins for this account at once; try again shortly", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
