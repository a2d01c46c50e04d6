/**
 * The audit log: security-relevant events (logins and lockouts, token and password changes, what admins did) written
 * as rows of {@code audit_log}, and their read endpoint {@code GET /admin/audit} for admins. Nobody calls it: it listens
 * to the events auth and admin publish, writing each row in the publisher's transaction (a login attempt's in one of
 * its own, so that it survives the failed login). Offers the other modules nothing.
 */
@ApplicationModule(allowedDependencies = {"auth :: events", "admin :: events", "auth :: credential", "user"})
package org.llmtutor.userservice.audit;

import org.springframework.modulith.ApplicationModule;
