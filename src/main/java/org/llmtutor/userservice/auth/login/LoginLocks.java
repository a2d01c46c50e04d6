package org.llmtutor.userservice.auth.login;

import java.time.Clock;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifts a login lock by hand (the admin CLI's unlock): every failed-login record of the username (username-wide and
 * per client) is forgotten, and so is the Python-era mirror on its user. Part of the auth module's API for the admin
 * module.
 */
@NamedInterface("login-locks")
@Service
public class LoginLocks {

    private final LoginAttemptRepository attempts;
    private final Clock clock;

    LoginLocks(LoginAttemptRepository attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Returns whether the username had a record (a lock or failures counting towards one). */
    @Transactional
    public boolean clear(String username) {
        boolean had = attempts.exists(username);
        // The username-wide row first, as every login does, so that deleting the client rows cannot deadlock with one.
        attempts.lock(username, LoginAttemptRepository.USERNAME_WIDE, clock.instant());
        attempts.mirrorToUser(username, 0, null);
        attempts.deleteAll(username);
        return had;
    }
}
