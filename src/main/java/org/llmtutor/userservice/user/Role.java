package org.llmtutor.userservice.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may see: {@code user} their own data, {@code developer} also read-only everyone's, {@code admin} all. */
public enum Role {
    USER,
    DEVELOPER,
    ADMIN;

    /** The spelling stored in the database and sent on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst();
    }

    /** A role as the users table holds it; one the service does not know (hand-edited legacy data) is the least. */
    public static Role fromStored(String value) {
        return fromWireName(value).orElse(USER);
    }
}
