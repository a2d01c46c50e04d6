-- XP reads are answered from the in-memory user state that token checks keep (V13), so an XP change is announced on
-- token_state like the other columns of that state. Password hash upgrades stay silent.
DROP TRIGGER users_token_state_update ON users;
CREATE TRIGGER users_token_state_update AFTER UPDATE ON users FOR EACH ROW
    WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.role IS DISTINCT FROM NEW.role
        OR OLD.is_active IS DISTINCT FROM NEW.is_active OR OLD.token_generation IS DISTINCT FROM NEW.token_generation
        OR OLD.xp IS DISTINCT FROM NEW.xp)
    EXECUTE FUNCTION notify_token_state();
