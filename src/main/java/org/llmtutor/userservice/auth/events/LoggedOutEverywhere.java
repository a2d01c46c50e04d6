package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/** A user ended every token and login session of theirs, on every device. */
public record LoggedOutEverywhere(UUID userId, String username, RequestOrigin origin) {}
