package org.llmtutor.userservice.admin.events;

import java.util.UUID;

/** A user may no longer log in; every token and login session they had ended. */
public record UserDisabled(UUID userId, String username) {}
