package org.llmtutor.userservice.auth;

import java.util.UUID;
import org.llmtutor.userservice.user.Role;

/** Who is calling: the principal of every authenticated request. */
public record CurrentUser(UUID id, String username, Role role) {}
