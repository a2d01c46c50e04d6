package org.llmtutor.userservice.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.llmtutor.userservice.auth.login.LoginAttemptRepository.LoginAttempt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection. Every attempt is counted as a failure before the password is checked (and forgiven on
 * success), under a row lock per username: so however many guesses arrive at once, on however many instances, at most
 * {@code maxFailedAttempts} of them are ever checked before the lock.
 */
@Service
public class LoginThrottle {

    static final Duration IDLE_RECORD_LIFETIME = Duration.ofDays(1);

    private final LoginAttemptRepository attempts;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(LoginAttemptRepository attempts, LoginProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Either the time the username stays locked until, or permission to check one password; {@code lockStarted} when
     * this attempt is the last allowed one, so that a wrong password now begins a lockout.
     */
    record Admission(Instant lockedUntil, boolean lockStarted) {
        boolean admitted() {
            return lockedUntil == null || lockStarted;
        }
    }

    @Transactional
    public Admission admit(String username) {
        Instant now = clock.instant();
        LoginAttempt row = attempts.lock(username, now);
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            // Locked: refuse without counting, so failures made while locked never extend the lock.
            return new Admission(row.lockedUntil(), false);
        }
        // A lock that has run out starts a fresh count (the Python service kept relocking).
        int failures = (row.lockedUntil() != null ? 0 : row.failedAttempts()) + 1;
        Instant lockedUntil = null;
        int lockouts = row.lockouts();
        if (failures >= properties.maxFailedAttempts()) {
            // This is the last attempt allowed: lock now, and lift it again if the password turns out right.
            lockedUntil = now.plus(properties.lockDurationAfter(lockouts));
            lockouts++;
            failures = 0;
        }
        attempts.update(username, new LoginAttempt(failures, lockedUntil, lockouts), now);
        return new Admission(lockedUntil, lockedUntil != null);
    }

    /** Drops the records of usernames nobody has tried for a day (and that are not locked). */
    @Transactional
    public int forgetIdle() {
        Instant now = clock.instant();
        return attempts.deleteIdleSince(now.minus(IDLE_RECORD_LIFETIME), now);
    }

    /** A correct password clears the username's record, including how often it was locked. */
    @Transactional
    public void succeeded(String username) {
        attempts.delete(username);
    }
}
