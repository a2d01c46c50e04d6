package org.llmtutor.userservice.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of users. Inserted once; every later change is one UPDATE statement of {@link UserRepository}. */
@Entity
@Immutable
@Table(name = "users")
public final class User {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "username")
    private String username;

    @Column(name = "hashed_password")
    private String hashedPassword;

    @Column(name = "is_active")
    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    // Changed only through atomic UPDATE statements, never by writing back a value read earlier.
    @Column(name = "xp")
    private int xp;

    // The wire name as stored; getRole() reads it.
    @Column(name = "role")
    private String role;

    // Raised by "log out everywhere" and password changes; older access tokens stop working. Atomic updates only.
    @Column(name = "token_generation")
    private int tokenGeneration;

    protected User() {}

    public User(UUID id, String username, String hashedPassword, Role role, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.hashedPassword = hashedPassword;
        this.role = role.wireName();
        this.createdAt = createdAt;
        this.active = true;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getHashedPassword() {
        return hashedPassword;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getXp() {
        return xp;
    }

    public int getTokenGeneration() {
        return tokenGeneration;
    }

    public Role getRole() {
        return role == null ? null : Role.fromStored(role);
    }
}
