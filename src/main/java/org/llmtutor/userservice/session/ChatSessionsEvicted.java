package org.llmtutor.userservice.session;

import java.util.UUID;

/** Creating a session rotated out the user's oldest ones beyond the cap. */
record ChatSessionsEvicted(UUID userId, int count) {}
