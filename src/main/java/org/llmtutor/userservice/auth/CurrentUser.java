package org.llmtutor.userservice.auth;

import java.util.UUID;
import org.llmtutor.userservice.user.Role;

/** A user calling with an access token: the principal of such requests, with the user's current role. */
public record CurrentUser(UUID id, String username, Role role) implements Caller {

    @Override
    public String name() {
        return username;
    }
}
