package org.llmtutor.userservice.admin.events;

import java.util.UUID;

/** A user's password was set by an admin; every token and login session they had ended. */
public record PasswordReset(UUID userId, String username) {}
