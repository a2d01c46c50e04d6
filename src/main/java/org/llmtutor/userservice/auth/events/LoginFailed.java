package org.llmtutor.userservice.auth.events;

import java.util.UUID;
import org.llmtutor.userservice.shared.RequestOrigin;

/**
 * A password check at login failed: unknown username, wrong password or disabled account.
 *
 * @param userId the user of that name, null when there is none
 * @param lockStarted whether this failure locked the username (for everyone or for this client)
 */
public record LoginFailed(UUID userId, String username, RequestOrigin origin, boolean lockStarted) {}
