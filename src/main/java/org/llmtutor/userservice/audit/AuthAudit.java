package org.llmtutor.userservice.audit;

import java.util.UUID;
import org.llmtutor.userservice.auth.events.LoggedOut;
import org.llmtutor.userservice.auth.events.LoggedOutEverywhere;
import org.llmtutor.userservice.auth.events.LoginFailed;
import org.llmtutor.userservice.auth.events.LoginRefusedLocked;
import org.llmtutor.userservice.auth.events.LoginSessionEnded;
import org.llmtutor.userservice.auth.events.LoginSucceeded;
import org.llmtutor.userservice.auth.events.PasswordChanged;
import org.llmtutor.userservice.auth.events.RefreshTokenReused;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what auth publishes. Synchronous listeners: a change's row is written in the transaction that makes the
 * change (a logout that rolls back leaves no row claiming it happened), except a login attempt's.
 */
@Component
class AuthAudit {

    private final AuditLog audit;

    AuthAudit(AuditLog audit) {
        this.audit = audit;
    }

    /*
     * A login attempt's row records the attempt, which happened whatever becomes of the work around it: in a
     * transaction of its own, committed before the login goes on (or fails). The password check runs outside any
     * transaction, so today this is the transaction AuditLog would open anyway; REQUIRES_NEW keeps a failed login's row
     * even if a caller ever wraps the check in a transaction that the failure rolls back.
     */

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LoginSucceeded event) {
        bySelf(AuditEventType.LOGIN_SUCCEEDED, event.userId(), event.username(), event.origin(), null);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LoginFailed event) {
        bySelf(
                AuditEventType.LOGIN_FAILED,
                event.userId(),
                event.username(),
                event.origin(),
                event.lockStarted() ? "lockout started" : null);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LoginRefusedLocked event) {
        audit.record(AuditEventType.LOGIN_LOCKED, null, event.username(), event.username(), event.origin(), null);
    }

    @EventListener
    void on(LoggedOut event) {
        audit.record(AuditEventType.LOGOUT, event.userId(), event.username(), event.actor(), event.origin(), null);
    }

    @EventListener
    void on(LoggedOutEverywhere event) {
        bySelf(AuditEventType.LOGOUT_ALL, event.userId(), event.username(), event.origin(), null);
    }

    @EventListener
    void on(LoginSessionEnded event) {
        bySelf(
                AuditEventType.LOGIN_SESSION_ENDED,
                event.userId(),
                event.username(),
                event.origin(),
                "session " + event.loginSessionId());
    }

    @EventListener
    void on(RefreshTokenReused event) {
        bySelf(
                AuditEventType.REFRESH_REUSE,
                event.userId(),
                event.username(),
                event.origin(),
                "login session " + event.loginSessionId() + " ended");
    }

    @EventListener
    void on(PasswordChanged event) {
        bySelf(AuditEventType.PASSWORD_CHANGED, event.userId(), event.username(), event.origin(), null);
    }

    /** A row of what a user did themselves: the actor is the user. */
    private void bySelf(AuditEventType type, UUID userId, String username, RequestOrigin origin, String details) {
        audit.record(type, userId, username, username, origin, details);
    }
}
