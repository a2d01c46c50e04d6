package org.llmtutor.userservice.user;

public class UsernameTakenException extends RuntimeException {

    public UsernameTakenException(String username) {
        super("username already exists: " + username);
    }
}
