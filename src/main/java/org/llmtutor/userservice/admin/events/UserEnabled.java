package org.llmtutor.userservice.admin.events;

import java.util.UUID;

/** A disabled user may log in again. */
public record UserEnabled(UUID userId, String username) {}
