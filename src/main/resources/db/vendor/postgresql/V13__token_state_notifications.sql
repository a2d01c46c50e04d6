-- Every instance keeps what a token check needs in memory (user state, ended login sessions, logged-out jti) and
-- drops an entry when it is told on the channel token_state. The triggers tell it in the transaction that makes the
-- change, whoever makes it (an instance, the admin CLI in another JVM, an operator's psql): PostgreSQL delivers the
-- notification on commit, never for a rolled-back change. Payload: u:<user id>, s:<login session id> or j:<jti>.
-- PostgreSQL only: the embedded H2 database serves one instance, which invalidates its own memory.

CREATE FUNCTION notify_token_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('token_state', 'u:' || OLD.id);
    ELSIF TG_TABLE_NAME = 'login_sessions' THEN
        PERFORM pg_notify('token_state', 's:' || OLD.id);
    ELSE
        PERFORM pg_notify('token_state', 'j:' || NEW.jti);
    END IF;
    RETURN NULL;
END
$$;

-- Only what a token check reads: XP updates and password hash upgrades stay silent.
CREATE TRIGGER users_token_state_update AFTER UPDATE ON users FOR EACH ROW
    WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.role IS DISTINCT FROM NEW.role
        OR OLD.is_active IS DISTINCT FROM NEW.is_active OR OLD.token_generation IS DISTINCT FROM NEW.token_generation)
    EXECUTE FUNCTION notify_token_state();
CREATE TRIGGER users_token_state_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_token_state();

-- Refreshing a session only moves last_used_at: silent. Ending or deleting one is not.
CREATE TRIGGER login_sessions_token_state_update AFTER UPDATE ON login_sessions FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
    EXECUTE FUNCTION notify_token_state();
CREATE TRIGGER login_sessions_token_state_delete AFTER DELETE ON login_sessions FOR EACH ROW
    EXECUTE FUNCTION notify_token_state();

CREATE TRIGGER revoked_access_tokens_token_state AFTER INSERT ON revoked_access_tokens FOR EACH ROW
    EXECUTE FUNCTION notify_token_state();
