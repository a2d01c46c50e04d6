package org.llmtutor.userservice.auth.credential;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

@Table("service_credentials")
public class ServiceCredential {

    @Id
    @Column("id")
    private UUID id;

    @Column("name")
    private String name;

    @Column("token_hash")
    private String tokenHash;

    // Space-separated wire names, e.g. "sessions:write quiz:write".
    @Column("scopes")
    private String scopes;

    @Column("created_at")
    private Instant createdAt;

    @Column("revoked_at")
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
