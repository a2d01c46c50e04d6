package org.llmtutor.userservice.user;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for new usernames. Existing (adopted) usernames are matched exactly as stored, whatever they contain. */
public final class UsernamePolicy {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._@+-]+");

    private UsernamePolicy() {}

    public static Optional<String> violation(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("username must not be empty");
        }
        if (username.length() > MAX_LENGTH) {
            return Optional.of("username must be at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of("username may contain only letters, digits and . _ @ + -");
        }
        return Optional.empty();
    }
}
