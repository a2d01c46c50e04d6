package org.llmtutor.userservice.auth.login;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed-login counters: per username tried (existing or not; {@link #USERNAME_WIDE} as client) and per (username,
 * client address). For users that exist, the username-wide state is mirrored into the Python-era columns
 * {@code users.failed_login_attempts} and {@code users.locked_until}.
 */
interface LoginAttemptRepository extends Repository<LoginAttemptRow, LoginAttemptRow.Key> {

    /** The client of the username-wide row. */
    String USERNAME_WIDE = "";

    // A row is only deleted by an admin's unlock or as idle for a day; retrying this often means something is wrong.
    int MAX_LOCK_TRIES = 10;

    /**
     * Locks the row for the rest of the transaction, creating it first if needed, so that concurrent attempts (on any
     * instance) are decided one after another. The lock is taken on a row that exists: a row locked here cannot be
     * deleted until the transaction ends, and one deleted between the insert and the lock is simply created again
     * (plain SQL that the embedded H2 runs too, which has no {@code ON CONFLICT DO UPDATE ... RETURNING}).
     */
    default LoginAttempt lock(String username, String client, Instant now) {
        for (int i = 0; i < MAX_LOCK_TRIES; i++) {
            Optional<LoginAttemptRow> row = lockRow(username, client);
            if (row.isPresent()) {
                return row.get().toAttempt();
            }
            insertIfAbsent(username, client, now);
        }
        throw new IllegalStateException("login attempt record kept disappearing");
    }

    @NativeQuery("SELECT * FROM login_attempts WHERE username = :username AND client = :client FOR UPDATE")
    Optional<LoginAttemptRow> lockRow(String username, String client);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("INSERT INTO login_attempts (username, client, last_attempt_at) VALUES (:username, :client, :now)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(String username, String client, Instant now);

    default void update(String username, String client, LoginAttempt attempt, Instant now) {
        update(
                username,
                client,
                attempt.failedAttempts(),
                attempt.lockedUntil(),
                attempt.lockouts(),
                attempt.checksInFlight(),
                attempt.checksExpireAt(),
                attempt.windowStartedAt(),
                now);
    }

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery(
            "UPDATE login_attempts SET failed_attempts = :failed, locked_until = :lockedUntil,"
                    + " lockouts = :lockouts, checks_in_flight = :inFlight, checks_expire_at = :expireAt,"
                    + " window_started_at = :windowStart, last_attempt_at = :now WHERE username = :username AND client = :client")
    int update(
            String username,
            String client,
            int failed,
            Instant lockedUntil,
            int lockouts,
            int inFlight,
            Instant expireAt,
            Instant windowStart,
            Instant now);

    /**
     * Writes the username-wide state where the Python service reads it, so that it sees the same lock if it takes this
     * database over again. No row is written for usernames without a user.
     */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET failed_login_attempts = :failedAttempts, locked_until = :lockedUntil"
            + " WHERE username = :username")
    int mirrorToUser(String username, int failedAttempts, Instant lockedUntil);

    boolean existsByUsername(String username);

    default boolean exists(String username) {
        return existsByUsername(username);
    }

    /** Every record of the username (all clients). */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("DELETE FROM login_attempts WHERE username = :username")
    int deleteAll(String username);

    /**
     * Forgets records not tried since the cutoff and not locked, so spraying random names cannot grow the table; the
     * Python-era mirror of such usernames goes back to no failures with them.
     */
    @Transactional
    default int deleteIdleSince(Instant cutoff, Instant now) {
        forgetMirroredIdle(cutoff, now);
        return deleteIdle(cutoff, now);
    }

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE users SET failed_login_attempts = 0 WHERE failed_login_attempts > 0"
            + " AND (locked_until IS NULL OR locked_until < :now) AND username IN"
            + " (SELECT username FROM login_attempts WHERE client = '' AND last_attempt_at < :cutoff"
            + " AND (locked_until IS NULL OR locked_until < :now))")
    int forgetMirroredIdle(Instant cutoff, Instant now);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("DELETE FROM login_attempts WHERE last_attempt_at < :cutoff"
            + " AND (locked_until IS NULL OR locked_until < :now)")
    int deleteIdle(Instant cutoff, Instant now);

    /**
     * One counter as stored.
     *
     * @param failedAttempts failures counted towards the next lock
     * @param lockedUntil end of the current (or last) lock
     * @param lockouts locks so far, for the doubling
     * @param checksInFlight password checks admitted and not yet settled
     * @param checksExpireAt when those stop holding the allowance (their instance may have died)
     * @param windowStartedAt first failure of the username-wide window
     */
    record LoginAttempt(
            int failedAttempts,
            Instant lockedUntil,
            int lockouts,
            int checksInFlight,
            Instant checksExpireAt,
            Instant windowStartedAt) {}
}
