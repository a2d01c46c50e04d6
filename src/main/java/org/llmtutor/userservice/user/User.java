package org.llmtutor.userservice.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "hashed_password", nullable = false)
    private String hashedPassword;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    // Changed only through atomic UPDATE statements, never by writing back a value read earlier.
    @Column(nullable = false, insertable = true, updatable = false)
    private int xp;

    @Column(nullable = false)
    private Role role;

    // Raised by "log out everywhere" and password changes; older access tokens stop working. Atomic updates only.
    @Column(name = "token_generation", nullable = false, updatable = false)
    private int tokenGeneration;

    protected User() {}

    public User(UUID id, String username, String hashedPassword, Role role, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.hashedPassword = hashedPassword;
        this.role = role;
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

    public void setHashedPassword(String hashedPassword) {
        this.hashedPassword = hashedPassword;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
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
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
