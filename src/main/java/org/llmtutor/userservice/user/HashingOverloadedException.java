package org.llmtutor.userservice.user;

import java.time.Duration;
import org.llmtutor.userservice.shared.RetryLaterException;

/** Every hashing thread is busy for longer than a caller may wait (503). */
public class HashingOverloadedException extends RetryLaterException {

    public HashingOverloadedException(Duration retryAfter) {
        super(Reason.OVERLOADED, "Too many logins at once; try again shortly", retryAfter);
    }
}
