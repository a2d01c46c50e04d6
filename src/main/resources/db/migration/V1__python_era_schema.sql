-- The schema exactly as the Python service's last Alembic revision (eefcc9832520) left it.
-- On a fresh database this creates it; on an adopted Python-era database every statement is a no-op,
-- so both paths reach V2 with the same tables. Constraint names are PostgreSQL's own defaults so that
-- later migrations can address them in both cases.

CREATE TABLE IF NOT EXISTS users (
    id UUID NOT NULL,
    username VARCHAR NOT NULL,
    hashed_password VARCHAR NOT NULL,
    is_active BOOLEAN,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    xp INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    failed_login_attempts INTEGER NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_users_username ON users (username);

CREATE TABLE IF NOT EXISTS chat_sessions (
    id UUID NOT NULL,
    user_id UUID NOT NULL,
    session_id VARCHAR NOT NULL,
    title VARCHAR,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    CONSTRAINT chat_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT chat_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_chat_sessions_session_id ON chat_sessions (session_id);

CREATE TABLE IF NOT EXISTS quiz_results (
    id UUID NOT NULL,
    user_id UUID NOT NULL,
    quiz_id VARCHAR NOT NULL,
    score FLOAT NOT NULL,
    details ${json_type},
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    CONSTRAINT quiz_results_pkey PRIMARY KEY (id),
    CONSTRAINT quiz_results_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE TABLE IF NOT EXISTS user_settings (
    id UUID NOT NULL,
    user_id UUID NOT NULL,
    service_type VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    model_name VARCHAR NOT NULL,
    CONSTRAINT user_settings_pkey PRIMARY KEY (id),
    CONSTRAINT user_settings_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
