package org.llmtutor.userservice.auth.login;

import java.time.Instant;
import org.llmtutor.userservice.shared.DomainException;
import org.llmtutor.userservice.shared.Timestamps;

/** Too many failed logins: the username is locked until the given moment, whoever tries (the text is the UI's). */
public class AccountLockedException extends DomainException {

    private final transient Instant lockedUntil;

    public AccountLockedException(Instant lockedUntil) {
        super(
                Kind.REFUSED,
                "Account is locked due to multiple failed login attempts. Locked until "
                        + Timestamps.TEXT.format(lockedUntil) + " UTC.");
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
