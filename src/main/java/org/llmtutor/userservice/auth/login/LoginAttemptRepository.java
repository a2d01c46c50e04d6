package org.llmtutor.userservice.auth.login;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed-login counters, one row per username tried (existing or not). */
@Repository
class LoginAttemptRepository {

    private final JdbcClient jdbc;

    LoginAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the username's row for the rest of the transaction, creating it first if needed, so that concurrent
     * attempts for one username (on any instance) are counted one after another.
     */
    LoginAttempt lock(String username, Instant now) {
        jdbc.sql("INSERT INTO login_attempts (username, last_attempt_at) VALUES (:u, :now) ON CONFLICT DO NOTHING")
                .param("u", username)
                .param("now", utc(now))
                .update();
        return jdbc.sql("SELECT failed_attempts, locked_until, lockouts FROM login_attempts WHERE username = :u"
                        + " FOR UPDATE")
                .param("u", username)
                .query((rs, n) -> new LoginAttempt(
                        rs.getInt("failed_attempts"),
                        toInstant(rs.getObject("locked_until", OffsetDateTime.class)),
                        rs.getInt("lockouts")))
                .single();
    }

    void update(String username, LoginAttempt attempt, Instant now) {
        jdbc.sql("UPDATE login_attempts SET failed_attempts = :f, locked_until = :l, lockouts = :n,"
                        + " last_attempt_at = :now WHERE username = :u")
                .param("f", attempt.failedAttempts())
                .param("l", attempt.lockedUntil() == null ? null : utc(attempt.lockedUntil()))
                .param("n", attempt.lockouts())
                .param("now", utc(now))
                .param("u", username)
                .update();
    }

    /** Returns whether there was a record. */
    boolean delete(String username) {
        return jdbc.sql("DELETE FROM login_attempts WHERE username = :u")
                        .param("u", username)
                        .update()
                > 0;
    }

    /** Forgets usernames not tried since the cutoff and not locked, so spraying random names cannot grow the table. */
    int deleteIdleSince(Instant cutoff, Instant now) {
        return jdbc.sql("DELETE FROM login_attempts WHERE last_attempt_at < :cutoff"
                        + " AND (locked_until IS NULL OR locked_until < :now)")
                .param("cutoff", utc(cutoff))
                .param("now", utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    record LoginAttempt(int failedAttempts, Instant lockedUntil, int lockouts) {}
}
