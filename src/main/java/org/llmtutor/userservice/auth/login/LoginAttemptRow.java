package org.llmtutor.userservice.auth.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of login_attempts: the failed-login counter of one username for one client (or username-wide). Read under
 * its row lock and written back by one UPDATE of {@link LoginAttemptRepository}, never through the entity.
 */
@Entity
@Immutable
@Table(name = "login_attempts")
@IdClass(LoginAttemptRow.Key.class)
final class LoginAttemptRow {

    /** The primary key: the username tried and the client address ({@code ""}: username-wide). */
    record Key(String username, String client) implements Serializable {}

    @Id
    @Column(name = "username")
    private String username;

    @Id
    @Column(name = "client")
    private String client;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "lockouts")
    private int lockouts;

    @Column(name = "checks_in_flight")
    private int checksInFlight;

    @Column(name = "checks_expire_at")
    private Instant checksExpireAt;

    @Column(name = "window_started_at")
    private Instant windowStartedAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    protected LoginAttemptRow() {}

    LoginAttemptRepository.LoginAttempt toAttempt() {
        return new LoginAttemptRepository.LoginAttempt(
                failedAttempts, lockedUntil, lockouts, checksInFlight, checksExpireAt, windowStartedAt);
    }
}
