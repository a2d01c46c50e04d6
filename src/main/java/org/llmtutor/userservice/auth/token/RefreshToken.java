package org.llmtutor.userservice.auth.token;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One refresh token of a login session, known only by its hash; good for a single use. */
@Table("refresh_tokens")
class RefreshToken {

    @Id
    @Column("token_hash")
    private String tokenHash;

    @Column("login_session_id")
    private UUID loginSessionId;

    @Column("issued_at")
    private Instant issuedAt;

    @Column("used_at")
    private Instant usedAt;

    protected RefreshToken() {}

    RefreshToken(String tokenHash, UUID loginSessionId, Instant issuedAt) {
        this.tokenHash = tokenHash;
        this.loginSessionId = loginSessionId;
        this.issuedAt = issuedAt;
    }

    UUID getLoginSessionId() {
        return loginSessionId;
    }

    Instant getUsedAt() {
        return usedAt;
    }
}
