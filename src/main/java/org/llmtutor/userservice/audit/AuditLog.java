package org.llmtutor.userservice.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
     * @param details a short free text; never a password or a token
     */
    @Transactional
    public void record(AuditEventType type, UUID userId, String username, String actor, String details) {
        HttpServletRequest request = currentRequest();
        events.save(new AuditRecord(
                UUID.randomUUID(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                type,
                userId,
                clip(username, 256),
                clip(actor, 256),
                request == null ? null : clip(request.getRemoteAddr(), 100),
                request == null ? null : clip(request.getHeader(HttpHeaders.USER_AGENT), 500),
                clip(details, 1000)));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> search(UUID userId, AuditEventType type, int limit, int offset) {
        return events.search(userId, type == null ? null : type.name(), limit, offset);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
