package org.llmtutor.userservice.database;

/** Whether the service runs on the zero-setup embedded database rather than PostgreSQL. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {}

    public static boolean isEmbedded(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:");
    }
}
