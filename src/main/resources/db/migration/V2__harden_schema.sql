-- Section D of the contract: defaults, cascading deletes, indexes on user_id and one settings row per
-- (user, service). Written to run on a fresh schema and on an adopted Python-era database alike.

-- users: the Python model defaulted these in Python code only; give them database defaults.
UPDATE users SET is_active = TRUE WHERE is_active IS NULL;
UPDATE users SET created_at = now() WHERE created_at IS NULL;
ALTER TABLE users ALTER COLUMN id SET DEFAULT ${uuid_default};
ALTER TABLE users ALTER COLUMN is_active SET DEFAULT TRUE;
ALTER TABLE users ALTER COLUMN is_active SET NOT NULL;
ALTER TABLE users ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE users ALTER COLUMN xp SET DEFAULT 0;
ALTER TABLE users ALTER COLUMN role SET DEFAULT 'user';
ALTER TABLE users ALTER COLUMN failed_login_attempts SET DEFAULT 0;

-- Deleting a user deletes everything that belongs to them.
ALTER TABLE chat_sessions DROP CONSTRAINT IF EXISTS chat_sessions_user_id_fkey;
ALTER TABLE chat_sessions ADD CONSTRAINT chat_sessions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE quiz_results DROP CONSTRAINT IF EXISTS quiz_results_user_id_fkey;
ALTER TABLE quiz_results ADD CONSTRAINT quiz_results_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE user_settings DROP CONSTRAINT IF EXISTS user_settings_user_id_fkey;
ALTER TABLE user_settings ADD CONSTRAINT user_settings_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

UPDATE chat_sessions SET created_at = now() WHERE created_at IS NULL;
ALTER TABLE chat_sessions ALTER COLUMN id SET DEFAULT ${uuid_default};
ALTER TABLE chat_sessions ALTER COLUMN created_at SET NOT NULL;
-- Serves both "the user's sessions, newest first" and "the oldest ones over the cap".
CREATE INDEX IF NOT EXISTS ix_chat_sessions_user_created ON chat_sessions (user_id, created_at, id);

UPDATE quiz_results SET created_at = now() WHERE created_at IS NULL;
ALTER TABLE quiz_results ALTER COLUMN id SET DEFAULT ${uuid_default};
ALTER TABLE quiz_results ALTER COLUMN created_at SET NOT NULL;
CREATE INDEX IF NOT EXISTS ix_quiz_results_user_created ON quiz_results (user_id, created_at, id);

-- The Python service could store the same service twice for one user. Keep the newest-looking row
-- (highest id) live and move any others aside rather than deleting them, so no row is lost.
CREATE TABLE IF NOT EXISTS user_settings_legacy_duplicates (
    id UUID NOT NULL,
    user_id UUID NOT NULL,
    service_type VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    model_name VARCHAR NOT NULL,
    moved_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT user_settings_legacy_duplicates_pkey PRIMARY KEY (id)
);
INSERT INTO user_settings_legacy_duplicates (id, user_id, service_type, provider, model_name)
SELECT s.id, s.user_id, s.service_type, s.provider, s.model_name
FROM user_settings s
WHERE EXISTS (SELECT 1 FROM user_settings t
              WHERE t.user_id = s.user_id AND t.service_type = s.service_type AND t.id > s.id);
DELETE FROM user_settings WHERE id IN (SELECT id FROM user_settings_legacy_duplicates);
ALTER TABLE user_settings ALTER COLUMN id SET DEFAULT ${uuid_default};
ALTER TABLE user_settings ADD CONSTRAINT uq_user_settings_user_service UNIQUE (user_id, service_type);

-- Failed logins are counted per username, whether or not such a user exists, so that an attacker
-- cannot tell the two apart. The Python-era counters on users are carried over.
CREATE TABLE login_attempts (
    username VARCHAR NOT NULL,
    failed_attempts INTEGER DEFAULT 0 NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    lockouts INTEGER DEFAULT 0 NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT login_attempts_pkey PRIMARY KEY (username)
);
INSERT INTO login_attempts (username, failed_attempts, locked_until)
SELECT username, failed_login_attempts, locked_until
FROM users
WHERE failed_login_attempts > 0 OR locked_until IS NOT NULL;
