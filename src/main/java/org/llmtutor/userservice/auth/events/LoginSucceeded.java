package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/** A username and password passed the check at login (a token is issued next). */
public record LoginSucceeded(UUID userId, String username, RequestOrigin origin) {}
