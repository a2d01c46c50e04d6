package org.llmtutor.userservice.admin.events;

import java.util.UUID;
import org.llmtutor.userservice.user.Role;

/**
 * @param bulk whether it came from a bulk file ({@code bulk_create_users}) rather than {@code create_user}
 */
public record UserCreated(UUID userId, String username, Role role, boolean bulk) {}
