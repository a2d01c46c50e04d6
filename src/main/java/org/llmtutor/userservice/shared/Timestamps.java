package org.llmtutor.userservice.shared;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two ways a timestamp is written: for programs (JSON) and for people (tables, messages). Both in UTC. */
public final class Timestamps {

    /** UTC with microseconds and a {@code Z}, as the Python service wrote timestamps: 2026-01-20T10:15:30.123456Z. */
    public static final DateTimeFormatter JSON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** To the second, for terminals and messages: 2026-01-20 10:15:30. */
    public static final DateTimeFormatter TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Timestamps() {}
}
