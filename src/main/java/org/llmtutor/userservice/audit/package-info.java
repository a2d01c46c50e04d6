/**
 * The audit log: security-relevant events (logins and lockouts, token and password changes, what admins did) written
 * as rows of {@code audit_log}, and their read endpoint {@code GET /admin/audit} for admins. Offers the other modules
 * {@code AuditLog} to record an event and {@code AuditEventType}, the kinds of event there are.
 */
@ApplicationModule(allowedDependencies = {})
package org.llmtutor.userservice.audit;

import org.springframework.modulith.ApplicationModule;
