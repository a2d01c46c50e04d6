package org.llmtutor.userservice.user;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A row of users. Inserted once; every later change is one UPDATE statement of {@link UserRepository}. */
@Table("users")
public class User {

    @Id
    @Column("id")
    private UUID id;

    @Column("username")
    private String username;

    @Column("hashed_password")
    private String hashedPassword;

    @Column("is_active")
    private boolean active;

    @Column("created_at")
    private Instant createdAt;

    // Changed only through atomic UPDATE statements, never by writing back a value read earlier.
    @Column("xp")
    private int xp;

    // The wire name as stored; getRole() reads it.
    @Column("role")
    private String role;

    // Raised by "log out everywhere" and password changes; older access tokens stop working. Atomic updates only.
    @Column("token_generation")
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
