package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/**
 * One access token was ended before its expiry, with the login session it came from.
 *
 * @param actor who ended it (the caller's username)
 */
public record LoggedOut(UUID userId, String username, String actor, RequestOrigin origin) {}
