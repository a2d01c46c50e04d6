package org.llmtutor.userservice.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins (the security chain restricts {@code /admin/**} to the admin role). */
@RestController
class AuditController {

    record AuditEventView(
            UUID id,
            Instant occurredAt,
            String type,
            UUID userId,
            String username,
            String actor,
            String ip,
            String userAgent,
            String details) {

        static AuditEventView of(AuditRecord e) {
            return new AuditEventView(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getType().name(),
                    e.getUserId(),
                    e.getUsername(),
                    e.getActor(),
                    e.getIp(),
                    e.getUserAgent(),
                    e.getDetails());
        }
    }

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; filter by {@code user_id} and {@code type}, page with {@code limit} and {@code offset}. */
    @GetMapping("/admin/audit")
    List<AuditEventView> search(
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) AuditEventType type,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return audit.search(userId, type, limit, offset).stream()
                .map(AuditEventView::of)
                .toList();
    }
}
