package org.llmtutor.userservice.auth.login;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lifts a login lock by hand (the admin CLI's unlock): the username's failed-login record is forgotten. */
@Service
public class LoginLocks {

    private final LoginAttemptRepository attempts;

    LoginLocks(LoginAttemptRepository attempts) {
        this.attempts = attempts;
    }

    /** Returns whether the username had a record (a lock or failures counting towards one). */
    @Transactional
    public boolean clear(String username) {
        return attempts.delete(username);
    }
}
