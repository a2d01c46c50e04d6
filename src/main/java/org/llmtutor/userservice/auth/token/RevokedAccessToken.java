package org.llmtutor.userservice.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** An access token logged out before it expires, by {@code jti}; written only by its repository's INSERT. */
@Entity
@Immutable
@Table(name = "revoked_access_tokens")
final class RevokedAccessToken {

    @Id
    @Column(name = "jti")
    private String jti;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected RevokedAccessToken() {}
}
