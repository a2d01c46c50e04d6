package org.llmtutor.userservice.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One authentication event: what, when, about whom, by whom, from where. Never a password or a token. (Not named
 * AuditEvent: Spring Boot's actuator has a class of that name.)
 */
@Entity
@Table(name = "audit_events")
public class AuditRecord {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false)
    private AuditEventType type;

    @Column(name = "user_id", updatable = false)
    private UUID userId;

    @Column(updatable = false)
    private String username;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String ip;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(updatable = false)
    private String details;

    protected AuditRecord() {}

    AuditRecord(
            UUID id,
            Instant occurredAt,
            AuditEventType type,
            UUID userId,
            String username,
            String actor,
            String ip,
            String userAgent,
            String details) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.type = type;
        this.userId = userId;
        this.username = username;
        this.actor = actor;
        this.ip = ip;
        this.userAgent = userAgent;
        this.details = details;
    }

    public UUID getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditEventType getType() {
        return type;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public String getActor() {
        return actor;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getDetails() {
        return details;
    }
}
