package org.llmtutor.userservice.admin;

/** A command that cannot be carried out (exit 1); the message is the one line shown to the operator. */
public class AdminException extends RuntimeException {

    public AdminException(String message) {
        super(message);
    }

    public static AdminException noSuchUser(String username) {
        return new AdminException("no user named '" + username + "'");
    }

    /** For {@code Optional.ifPresent}: a policy's reason to refuse ends the command. */
    public static void fail(String reason) {
        throw new AdminException(reason);
    }
}
