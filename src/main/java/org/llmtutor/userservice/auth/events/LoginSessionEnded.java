package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/** A user ended one of their own login sessions (its refresh token and access tokens stop working). */
public record LoginSessionEnded(UUID userId, String username, UUID loginSessionId, RequestOrigin origin) {}
