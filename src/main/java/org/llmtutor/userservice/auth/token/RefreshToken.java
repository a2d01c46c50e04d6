package org.llmtutor.userservice.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One refresh token of a login session, known only by its hash; good for a single use. */
@Entity
@Immutable
@Table(name = "refresh_tokens")
final class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "login_session_id")
    private UUID loginSessionId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "used_at")
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
