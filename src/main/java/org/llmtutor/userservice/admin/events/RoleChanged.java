package org.llmtutor.userservice.admin.events;

import java.util.UUID;
import org.llmtutor.userservice.user.Role;

/** A user's role was changed (tokens in use carry the new one within a second). */
public record RoleChanged(UUID userId, String username, Role previous, Role current) {}
