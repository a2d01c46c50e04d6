package org.llmtutor.userservice.auth.login;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.llmtutor.userservice.common.DomainException;

/** Too many failed logins: the username is locked until the given moment, whoever tries (the text is the UI's). */
public class AccountLockedException extends DomainException {

    private static final DateTimeFormatter LOCK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final transient Instant lockedUntil;

    public AccountLockedException(Instant lockedUntil) {
        super(
                Kind.REFUSED,
                "Account is locked due to multiple failed login attempts. Locked until " + LOCK_TIME.format(lockedUntil)
                        + " UTC.");
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
