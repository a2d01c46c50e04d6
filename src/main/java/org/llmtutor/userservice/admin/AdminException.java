package org.llmtutor.userservice.admin;

/** A command that cannot be carried out; the message is the one line shown to the operator. */
class AdminException extends RuntimeException {

    private final int exitCode;

    AdminException(String message) {
        this(message, AdminCli.FAILED);
    }

    private AdminException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Wrong arguments, found after parsing. */
    static AdminException usage(String message) {
        return new AdminException(message, AdminCli.USAGE);
    }

    int exitCode() {
        return exitCode;
    }
}
