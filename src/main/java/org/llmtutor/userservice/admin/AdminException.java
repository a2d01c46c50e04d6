package org.llmtutor.userservice.admin;

/** A command that cannot be carried out (exit 1); the message is the one line shown to the operator. */
class AdminException extends RuntimeException {

    AdminException(String message) {
        super(message);
    }

    static AdminException noSuchUser(String username) {
        return new AdminException("no user named '" + username + "'");
    }

    /** For {@code Optional.ifPresent}: a policy's reason to refuse ends the command. */
    static void fail(String reason) {
        throw new AdminException(reason);
    }
}
