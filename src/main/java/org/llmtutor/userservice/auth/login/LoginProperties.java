package org.llmtutor.userservice.auth.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection and hashing cost.
 *
 * @param maxFailedAttempts failures in a row that lock the username (the Web UI counts up to 5)
 * @param lockDuration the first lock; each further lockout doubles it
 * @param maxLockDuration the longest a lock grows to
 * @param bcryptStrength cost of new hashes; the Python service used 12
 */
@ConfigurationProperties("app.login")
public record LoginProperties(
        int maxFailedAttempts, Duration lockDuration, Duration maxLockDuration, int bcryptStrength) {

    public LoginProperties {
        if (maxFailedAttempts < 1) {
            throw new IllegalStateException("LOGIN_MAX_FAILED_ATTEMPTS must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || maxLockDuration.compareTo(lockDuration) < 0) {
            throw new IllegalStateException("LOGIN_LOCK_DURATION must be positive and at most LOGIN_MAX_LOCK_DURATION");
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
