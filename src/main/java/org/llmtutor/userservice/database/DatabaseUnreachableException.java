package org.llmtutor.userservice.database;

import java.sql.SQLException;

/**
 * The configured PostgreSQL database refused or never answered the start-up's first connection. Says which database,
 * as whom, what the server or the network answered, and which variables set them.
 */
public class DatabaseUnreachableException extends RuntimeException {

    private final String target;
    private final String variables;

    DatabaseUnreachableException(String target, String variables, SQLException cause) {
        super("Cannot log in to " + target + ": " + cause.getMessage(), cause);
        this.target = target;
        this.variables = variables;
    }

    /** The URL (no password) and the user name, as the service tried them. */
    public String target() {
        return target;
    }

    /** Where the URL, the user and the password came from: the POSTGRES_* or the SPRING_DATASOURCE_* variables. */
    public String variables() {
        return variables;
    }

    /** PostgreSQL's SQLSTATE of the refusal (28P01 wrong password, 3D000 no such database, 08001 no connection...). */
    public String sqlState() {
        return getCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
