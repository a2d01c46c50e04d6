package org.llmtutor.userservice.audit;

import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;

interface AuditRecordRepository extends Repository<AuditRecord, UUID>, AggregateInsert<AuditRecord> {

    @NativeQuery("SELECT * FROM audit_events WHERE (CAST(:userId AS UUID) IS NULL OR user_id = :userId)"
            + " AND (CAST(:type AS VARCHAR) IS NULL OR event_type = :type)"
            + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<AuditRecord> search(UUID userId, String type, int limit, int offset);
}
