-- The persona chosen in the UI (settings key identityId). The Python service crashed on it, so it was never stored;
-- it lives beside the user's row, whose lock already serialises every settings change of that user.
ALTER TABLE users ADD COLUMN IF NOT EXISTS settings_identity_id VARCHAR(100);
