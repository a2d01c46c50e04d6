package org.llmtutor.userservice.auth.events;

import org.llmtutor.userservice.shared.RequestOrigin;

/** A login was refused without a password check because the username is locked (it may not exist). */
public record LoginRefusedLocked(String username, RequestOrigin origin) {}
