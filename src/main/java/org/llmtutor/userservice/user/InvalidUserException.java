package org.llmtutor.userservice.user;

/** A username, password or role that breaks the rules for new users. */
public class InvalidUserException extends RuntimeException {

    public InvalidUserException(String message) {
        super(message);
    }

    static void raise(String message) {
        throw new InvalidUserException(message);
    }
}
