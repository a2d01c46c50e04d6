package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/** A user changed their own password (every older token of theirs ended with it). */
public record PasswordChanged(UUID userId, String username, RequestOrigin origin) {}
