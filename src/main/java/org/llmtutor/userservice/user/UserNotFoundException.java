package org.llmtutor.userservice.user;

import org.llmtutor.userservice.shared.NotFoundException;

/** The user does not exist, or the caller may not see them: the two answer alike (contract part B). */
public class UserNotFoundException extends NotFoundException {

    public UserNotFoundException() {
        super("User not found");
    }
}
