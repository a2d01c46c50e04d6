package org.llmtutor.userservice.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditRecordRepository extends JpaRepository<AuditRecord, UUID> {

    @Query(
            value = "SELECT * FROM audit_events WHERE (CAST(:userId AS UUID) IS NULL OR user_id = :userId)"
                    + " AND (CAST(:type AS VARCHAR) IS NULL OR event_type = :type)"
                    + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset",
            nativeQuery = true)
    List<AuditRecord> search(UUID userId, String type, int limit, int offset);
}
