package org.llmtutor.userservice.auth.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "service_credentials")
public final class ServiceCredential {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "name")
    private String name;

    @Column(name = "token_hash")
    private String tokenHash;

    // Space-separated wire names, e.g. "sessions:write quiz:write".
    @Column(name = "scopes")
    private String scopes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ServiceCredential() {}

    ServiceCredential(UUID id, String name, String tokenHash, Set<Scope> scopes, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.tokenHash = tokenHash;
        this.scopes = scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Scope> getScopes() {
        Set<Scope> result = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(" "))
                .map(Scope::fromWireName)
                .flatMap(java.util.Optional::stream)
                .forEach(result::add);
        return result;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }
}
