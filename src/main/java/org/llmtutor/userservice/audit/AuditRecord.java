package org.llmtutor.userservice.audit;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One authentication event: what, when, about whom, by whom, from where. Never a password or a token. (Not named
 * AuditEvent: Spring Boot's actuator has a class of that name.)
 */
@Table("audit_events")
public class AuditRecord {

    @Id
    @Column("id")
    private UUID id;

    @Column("occurred_at")
    private Instant occurredAt;

    @Column("event_type")
    private AuditEventType type;

    @Column("user_id")
    private UUID userId;

    @Column("username")
    private String username;

    @Column("actor")
    private String actor;

    @Column("ip")
    private String ip;

    @Column("user_agent")
    private String userAgent;

    @Column("details")
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
