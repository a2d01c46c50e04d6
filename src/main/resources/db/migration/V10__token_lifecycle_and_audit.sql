-- Token lifecycle: logout of one access token, of all of a user's tokens, refresh-token families (login sessions),
-- and the audit log of authentication events.

-- Bumped by "log out everywhere" and password changes; access tokens carry the value they were issued under.
ALTER TABLE users ADD COLUMN token_generation INTEGER DEFAULT 0 NOT NULL;

-- Access tokens logged out before they expire; rows are purged once the token would have expired anyway.
CREATE TABLE revoked_access_tokens (
    jti VARCHAR(64) NOT NULL,
    user_id UUID NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_access_tokens_pkey PRIMARY KEY (jti),
    CONSTRAINT revoked_access_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_revoked_access_tokens_expires ON revoked_access_tokens (expires_at);

-- One row per refresh-token family: a device or browser that logged in with grant_type=password.
CREATE TABLE login_sessions (
    id UUID NOT NULL,
    user_id UUID NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(50),
    user_agent VARCHAR(500),
    ip VARCHAR(100),
    CONSTRAINT login_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT login_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_login_sessions_user ON login_sessions (user_id);

-- Refresh tokens, stored only as SHA-256 hashes. Each is good for one use; used_at marks the use.
CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64) NOT NULL,
    login_session_id UUID NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (token_hash),
    CONSTRAINT refresh_tokens_login_session_id_fkey FOREIGN KEY (login_session_id)
        REFERENCES login_sessions (id) ON DELETE CASCADE
);
CREATE INDEX ix_refresh_tokens_login_session ON refresh_tokens (login_session_id);

-- Authentication events. No foreign key: the history of a deleted user stays.
CREATE TABLE audit_events (
    id UUID NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type VARCHAR(50) NOT NULL,
    user_id UUID,
    username VARCHAR(256),
    actor VARCHAR(256),
    ip VARCHAR(100),
    user_agent VARCHAR(500),
    details VARCHAR(1000),
    CONSTRAINT audit_events_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_user ON audit_events (user_id, occurred_at);
CREATE INDEX ix_audit_events_type ON audit_events (event_type, occurred_at);
