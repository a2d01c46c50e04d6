package org.llmtutor.userservice.admin.events;

import java.util.UUID;

/** A user was deleted, and their data with them. */
public record UserDeleted(UUID userId, String username) {}
