package org.llmtutor.userservice.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One authentication event: what, when, about whom, by whom, from where. Never a password or a token. (Not named
 * AuditEvent: Spring Boot's actuator has a class of that name.)
 */
@Entity
@Immutable
@Table(name = "audit_events")
public final class AuditRecord {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private AuditEventType type;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "username")
    private String username;

    @Column(name = "actor")
    private String actor;

    @Column(name = "ip")
    private String ip;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "details")
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
