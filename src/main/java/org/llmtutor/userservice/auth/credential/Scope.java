package org.llmtutor.userservice.auth.credential;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a service credential may do. A write scope includes reading the same data. */
public enum Scope {
    SETTINGS_READ("settings:read"),
    SETTINGS_WRITE("settings:write"),
    SESSIONS_READ("sessions:read"),
    SESSIONS_WRITE("sessions:write"),
    PROFILE_READ("profile:read"),
    PROFILE_WRITE("profile:write"),
    QUIZ_READ("quiz:read"),
    QUIZ_WRITE("quiz:write"),
    /** Scraping {@code /actuator/prometheus}: for the monitoring system, which needs no user data. */
    METRICS_READ("metrics:read");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The scopes' wire names, sorted and separated by spaces, as the CLI shows them and the audit log records them. */
    public static String wireNames(Collection<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
    }

    public static Optional<Scope> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
