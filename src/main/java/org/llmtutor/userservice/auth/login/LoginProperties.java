package org.llmtutor.userservice.auth.login;

import java.time.Duration;
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
        int maxFailedAttempts,
        int usernameMaxFailedAttempts,
        Duration usernameFailureWindow,
        Duration lockDuration,
        Duration maxLockDuration,
        Duration admissionWait,
        int bcryptStrength) {

    public LoginProperties {
        if (maxFailedAttempts < 1) {
            throw new IllegalStateException("LOGIN_MAX_FAILED_ATTEMPTS must be at least 1");
        }
        if (usernameMaxFailedAttempts < maxFailedAttempts) {
            throw new IllegalStateException(
                    "LOGIN_USERNAME_MAX_FAILED_ATTEMPTS must be at least LOGIN_MAX_FAILED_ATTEMPTS");
        }
        if (usernameFailureWindow.isNegative() || usernameFailureWindow.isZero()) {
            throw new IllegalStateException("LOGIN_USERNAME_FAILURE_WINDOW must be positive");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || maxLockDuration.compareTo(lockDuration) < 0) {
            throw new IllegalStateException("LOGIN_LOCK_DURATION must be positive and at most LOGIN_MAX_LOCK_DURATION");
        }
        if (admissionWait.isNegative()) {
            throw new IllegalStateException("LOGIN_ADMISSION_WAIT must not be negative");
        }
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalStateException("BCRYPT_STRENGTH must be between 4 and 31");
        }
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
