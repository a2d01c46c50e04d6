package org.llmtutor.userservice.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. An event joins the caller's transaction when there is one, so an action that rolls
 * back leaves no event claiming it happened.
 */
@Service
public class AuditLog {

    /** Who acted when no user did: the admin CLI. */
    public static final String CLI = "cli";

    private final AuditRecordRepository events;
    private final Clock clock;

    public AuditLog(AuditRecordRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param userId the user the event is about, when known
     * @param username the username the event is about (also for unknown usernames, e.g. failed logins)
     * @param actor who caused it: the username, a service name, or {@link #CLI}
     * @param origin the request that caused it ({@link RequestOrigin#NONE} for the CLI)
     * @param details a short free text; never a password or a token
     */
    @Transactional
    public void record(
            AuditEventType type, UUID userId, String username, String actor, RequestOrigin origin, String details) {
        events.insert(new AuditRecord(
                UUID.randomUUID(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                type,
                userId,
                clip(username, 256),
                clip(actor, 256),
                origin.address(),
                origin.userAgent(),
                clip(details, 1000)));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> search(UUID userId, AuditEventType type, int limit, int offset) {
        return events.search(userId, type == null ? null : type.name(), limit, offset);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
