-- Long-lived credentials of the platform's internal services (Web UI backend, agent_service, test_generator).
-- Only a SHA-256 of each token is kept: the tokens are 256-bit random values, so a slow hash adds nothing.
CREATE TABLE service_credentials (
    id UUID NOT NULL,
    name VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    scopes VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT service_credentials_pkey PRIMARY KEY (id),
    CONSTRAINT uq_service_credentials_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_service_credentials_name ON service_credentials (name);
