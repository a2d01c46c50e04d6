package org.llmtutor.userservice.user;

import java.util.Optional;

/** The one set of rules for new passwords, shared by the API and the admin CLI. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password must not be empty");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters");
        }
        if (!PasswordHasher.fitsBcrypt(password)) {
            return Optional.of("password must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return Optional.empty();
    }
}
