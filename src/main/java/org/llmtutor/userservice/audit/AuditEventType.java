package org.llmtutor.userservice.audit;

/** The authentication events the audit log keeps. */
public enum AuditEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    LOGOUT,
    LOGOUT_ALL,
    LOGIN_SESSION_ENDED,
    REFRESH_REUSE,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ROLE_CHANGED,
    USER_CREATED,
    USER_DELETED,
    USER_DISABLED,
    USER_ENABLED,
    USER_UNLOCKED,
    SERVICE_TOKEN_CREATED,
    SERVICE_TOKEN_REVOKED
}
