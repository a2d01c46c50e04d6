package org.llmtutor.userservice.audit;

import java.util.UUID;
import org.llmtutor.userservice.admin.events.PasswordReset;
import org.llmtutor.userservice.admin.events.RoleChanged;
import org.llmtutor.userservice.admin.events.ServiceTokenCreated;
import org.llmtutor.userservice.admin.events.ServiceTokenRevoked;
import org.llmtutor.userservice.admin.events.UserCreated;
import org.llmtutor.userservice.admin.events.UserDeleted;
import org.llmtutor.userservice.admin.events.UserDisabled;
import org.llmtutor.userservice.admin.events.UserEnabled;
import org.llmtutor.userservice.admin.events.UserUnlocked;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the admin CLI changed, with actor {@link AuditLog#CLI} and no request origin. Synchronous listeners:
 * the row is written in the command's transaction, so a command that fails leaves no row.
 */
@Component
class AdminAudit {

    private final AuditLog audit;

    AdminAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(UserCreated event) {
        record(
                AuditEventType.USER_CREATED,
                event.userId(),
                event.username(),
                "role " + event.role().wireName() + (event.bulk() ? " (bulk)" : ""));
    }

    @EventListener
    void on(UserDeleted event) {
        record(AuditEventType.USER_DELETED, event.userId(), event.username(), null);
    }

    @EventListener
    void on(UserUnlocked event) {
        record(AuditEventType.USER_UNLOCKED, event.userId(), event.username(), null);
    }

    @EventListener
    void on(RoleChanged event) {
        record(
                AuditEventType.ROLE_CHANGED,
                event.userId(),
                event.username(),
                event.previous().wireName() + " -> " + event.current().wireName());
    }

    @EventListener
    void on(PasswordReset event) {
        record(AuditEventType.PASSWORD_RESET, event.userId(), event.username(), null);
    }

    @EventListener
    void on(UserEnabled event) {
        record(AuditEventType.USER_ENABLED, event.userId(), event.username(), null);
    }

    @EventListener
    void on(UserDisabled event) {
        record(AuditEventType.USER_DISABLED, event.userId(), event.username(), null);
    }

    @EventListener
    void on(ServiceTokenCreated event) {
        record(
                AuditEventType.SERVICE_TOKEN_CREATED,
                null,
                null,
                "service " + event.name() + ", scopes " + Scope.wireNames(event.scopes()));
    }

    @EventListener
    void on(ServiceTokenRevoked event) {
        record(AuditEventType.SERVICE_TOKEN_REVOKED, null, null, "service " + event.name());
    }

    private void record(AuditEventType type, UUID userId, String username, String details) {
        audit.record(type, userId, username, AuditLog.CLI, RequestOrigin.NONE, details);
    }
}
