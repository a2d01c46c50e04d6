/**
 * What the admin CLI changed: users created, deleted, unlocked, enabled or disabled, a role or password set, service
 * tokens created or revoked. Published inside the change's transaction; the audit log records them with the CLI as
 * the actor.
 */
@NamedInterface("events")
package org.llmtutor.userservice.admin.events;

import org.springframework.modulith.NamedInterface;
