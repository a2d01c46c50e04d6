-- The persona a user chose in the UI (settings key identityId). The Python service had nowhere to keep it and
-- crashed when it was sent. One optional value per user, so its own small table rather than a column on users.
CREATE TABLE user_settings_identity (
    user_id UUID NOT NULL,
    identity_id VARCHAR(100) NOT NULL,
    CONSTRAINT user_settings_identity_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_settings_identity_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
