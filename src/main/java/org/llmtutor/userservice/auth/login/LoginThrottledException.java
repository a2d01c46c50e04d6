package org.llmtutor.userservice.auth.login;

import java.time.Duration;
import org.llmtutor.userservice.shared.RetryLaterException;

/**
 * The username's allowance stayed taken by password checks still running for longer than the admission wait: not a
 * refusal of the password, which was never checked (429).
 */
public class LoginThrottledException extends RetryLaterException {

    public LoginThrottledException(Duration retryAfter) {
        super(Reason.THROTTLED, "Too many logins for this account at once; try again shortly", retryAfter);
    }
}
