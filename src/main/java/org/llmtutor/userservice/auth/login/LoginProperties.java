package org.llmtutor.userservice.auth.login;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection and hashing cost.
 *
 * @param maxFailedAttempts failures in a row from one client that lock the username for that client (the Web UI counts
 *     up to 5)
 * @param usernameMaxFailedAttempts failures from all clients together, within {@code usernameFailureWindow}, that lock
 *     the username for everyone (distributed guessing)
 * @param usernameFailureWindow how long failures count towards the username-wide lock
 * @param lockDuration the first lock; each further lockout doubles it
 * @param maxLockDuration the longest a lock grows to
 * @param admissionWait how long an attempt waits while checks still running hold the whole allowance, before 429
 * @param bcryptStrength cost of new hashes; the Python service used 12
 */
@ConfigurationProperties("app.login")
public record LoginProperties(
        @Min(value = 1, message = "LOGIN_MAX_FAILED_ATTEMPTS must be at least 1")
        int maxFailedAttempts,

        int usernameMaxFailedAttempts,

        @NotNull(message = "LOGIN_USERNAME_FAILURE_WINDOW must be positive")
        @DurationMin(nanos = 0, inclusive = false, message = "LOGIN_USERNAME_FAILURE_WINDOW must be positive")
        Duration usernameFailureWindow,

        @NotNull(message = LOCK_DURATION_RULE) @DurationMin(nanos = 0, inclusive = false, message = LOCK_DURATION_RULE)
        Duration lockDuration,

        @NotNull(message = LOCK_DURATION_RULE) Duration maxLockDuration,

        @NotNull(message = "LOGIN_ADMISSION_WAIT must not be negative")
        @DurationMin(nanos = 0, message = "LOGIN_ADMISSION_WAIT must not be negative")
        Duration admissionWait,

        @Min(value = 4, message = BCRYPT_STRENGTH_RULE) @Max(value = 31, message = BCRYPT_STRENGTH_RULE)
        int bcryptStrength) {

    private static final String LOCK_DURATION_RULE =
            "LOGIN_LOCK_DURATION must be positive and at most LOGIN_MAX_LOCK_DURATION";
    private static final String BCRYPT_STRENGTH_RULE = "BCRYPT_STRENGTH must be between 4 and 31";

    @AssertTrue(message = "LOGIN_USERNAME_MAX_FAILED_ATTEMPTS must be at least LOGIN_MAX_FAILED_ATTEMPTS")
    boolean isUsernameThresholdAtLeastClientThreshold() {
        return usernameMaxFailedAttempts >= maxFailedAttempts;
    }

    @AssertTrue(message = LOCK_DURATION_RULE)
    boolean isLockDurationWithinMax() {
        return lockDuration == null || maxLockDuration == null || lockDuration.compareTo(maxLockDuration) <= 0;
    }

    /** How long the lock lasts after {@code previousLockouts} earlier lockouts: doubling, capped. */
    public Duration lockDurationAfter(int previousLockouts) {
        Duration lock = lockDuration;
        for (int i = 0; i < previousLockouts && lock.compareTo(maxLockDuration) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLockDuration) > 0 ? maxLockDuration : lock;
    }
}
