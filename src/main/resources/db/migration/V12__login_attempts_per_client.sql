-- Failed logins are counted per (username, client address) as well as per username (the row with client ''), and a
-- password check still running holds a place in both allowances (checks_in_flight, until checks_expire_at in case its
-- instance died) so that however many arrive at once, no more are checked than the allowance. Runs on PostgreSQL and
-- on the embedded H2 alike.
ALTER TABLE login_attempts ADD COLUMN client VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE login_attempts ADD COLUMN checks_in_flight INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE login_attempts ADD COLUMN checks_expire_at TIMESTAMP WITH TIME ZONE;
-- The username-wide count is "failures in a window" (LOGIN_USERNAME_FAILURE_WINDOW); existing counts start theirs now.
ALTER TABLE login_attempts ADD COLUMN window_started_at TIMESTAMP WITH TIME ZONE;
UPDATE login_attempts SET window_started_at = last_attempt_at WHERE failed_attempts > 0;
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_pkey;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_pkey PRIMARY KEY (username, client);
