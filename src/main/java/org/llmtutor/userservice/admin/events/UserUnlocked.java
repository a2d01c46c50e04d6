package org.llmtutor.userservice.admin.events;

import java.util.UUID;

/** A username's login lock (or the failures counting towards one) was cleared. */
public record UserUnlocked(UUID userId, String username) {}
