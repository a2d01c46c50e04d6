package org.llmtutor.userservice.auth.login;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed-login counters: per username tried (existing or not; {@link #USERNAME_WIDE} as client) and per (username,
 * client address). For users that exist, the username-wide state is mirrored into the Python-era columns
 * {@code users.failed_login_attempts} and {@code users.locked_until}.
 */
@Repository
class LoginAttemptRepository {

    /** The client of the username-wide row. */
    static final String USERNAME_WIDE = "";

    private static final String COLUMNS =
            "failed_attempts, locked_until, lockouts, checks_in_flight, checks_expire_at, window_started_at";
    // A row is only deleted by an admin's unlock or as idle for a day; retrying this often means something is wrong.
    private static final int MAX_LOCK_TRIES = 10;

    private final JdbcClient jdbc;

    LoginAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the row for the rest of the transaction, creating it first if needed, so that concurrent attempts (on any
     * instance) are decided one after another. The lock is taken on a row that exists: a row locked here cannot be
     * deleted until the transaction ends, and one deleted between the insert and the lock is simply created again
     * (plain SQL that the embedded H2 runs too, which has no {@code ON CONFLICT DO UPDATE ... RETURNING}).
     */
    LoginAttempt lock(String username, String client, Instant now) {
        for (int i = 0; i < MAX_LOCK_TRIES; i++) {
            Optional<LoginAttempt> row = jdbc.sql(
                            "SELECT " + COLUMNS + " FROM login_attempts WHERE username = :u AND client = :c FOR UPDATE")
                    .param("u", username)
                    .param("c", client)
                    .query((rs, n) -> new LoginAttempt(
                            rs.getInt("failed_attempts"),
                            toInstant(rs.getObject("locked_until", OffsetDateTime.class)),
                            rs.getInt("lockouts"),
                            rs.getInt("checks_in_flight"),
                            toInstant(rs.getObject("checks_expire_at", OffsetDateTime.class)),
                            toInstant(rs.getObject("window_started_at", OffsetDateTime.class))))
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
            jdbc.sql("INSERT INTO login_attempts (username, client, last_attempt_at) VALUES (:u, :c, :now)"
                            + " ON CONFLICT DO NOTHING")
                    .param("u", username)
                    .param("c", client)
                    .param("now", utc(now))
                    .update();
        }
        throw new IllegalStateException("login attempt record kept disappearing");
    }

    void update(String username, String client, LoginAttempt attempt, Instant now) {
        jdbc.sql("UPDATE login_attempts SET failed_attempts = :f, locked_until = :l, lockouts = :n,"
                        + " checks_in_flight = :in, checks_expire_at = :ex, window_started_at = :w,"
                        + " last_attempt_at = :now WHERE username = :u AND client = :c")
                .param("f", attempt.failedAttempts())
                .param("l", utcOrNull(attempt.lockedUntil()))
                .param("n", attempt.lockouts())
                .param("in", attempt.checksInFlight())
                .param("ex", utcOrNull(attempt.checksExpireAt()))
                .param("w", utcOrNull(attempt.windowStartedAt()))
                .param("now", utc(now))
                .param("u", username)
                .param("c", client)
                .update();
    }

    /**
     * Writes the username-wide state where the Python service reads it, so that it sees the same lock if it takes this
     * database over again. No row is written for usernames without a user.
     */
    void mirrorToUser(String username, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("UPDATE users SET failed_login_attempts = :f, locked_until = :l WHERE username = :u")
                .param("f", failedAttempts)
                .param("l", utcOrNull(lockedUntil))
                .param("u", username)
                .update();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM login_attempts WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every record of the username (all clients). */
    void deleteAll(String username) {
        jdbc.sql("DELETE FROM login_attempts WHERE username = :u")
                .param("u", username)
                .update();
    }

    /**
     * Forgets records not tried since the cutoff and not locked, so spraying random names cannot grow the table; the
     * Python-era mirror of such usernames goes back to no failures with them.
     */
    int deleteIdleSince(Instant cutoff, Instant now) {
        String idle = "last_attempt_at < :cutoff AND (locked_until IS NULL OR locked_until < :now)";
        jdbc.sql("UPDATE users SET failed_login_attempts = 0 WHERE failed_login_attempts > 0"
                        + " AND (locked_until IS NULL OR locked_until < :now) AND username IN"
                        + " (SELECT username FROM login_attempts WHERE client = '' AND " + idle + ")")
                .param("cutoff", utc(cutoff))
                .param("now", utc(now))
                .update();
        return jdbc.sql("DELETE FROM login_attempts WHERE " + idle)
                .param("cutoff", utc(cutoff))
                .param("now", utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utcOrNull(Instant instant) {
        return instant == null ? null : utc(instant);
    }

    private static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

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
