package org.llmtutor.userservice.runtime;

import org.llmtutor.userservice.database.DatabaseUnreachableException;
import org.llmtutor.userservice.shared.RefusedSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The start-up failure reports of a misconfiguration: Spring Boot prints the analysis as one short block (what went
 * wrong, what to change) instead of the exception's stack trace, which it logs at DEBUG only. Registered in
 * {@code META-INF/spring.factories}.
 */
final class StartupFailureAnalyzers {

    private StartupFailureAnalyzers() {}

    /** A setting refused by the service's own checks: the message names the variable. */
    static class RefusedSetting extends AbstractFailureAnalyzer<RefusedSettingException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, RefusedSettingException cause) {
            return new FailureAnalysis(
                    "A setting was refused: " + cause.getMessage(),
                    "Change the variable named above (docs/configuration.md) and start again. Nothing was written"
                            + " to the database.",
                    cause);
        }
    }

    /** The first login to PostgreSQL failed: which database, as whom, PostgreSQL's own words, which variables. */
    static class DatabaseUnreachable extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
            String state = cause.sqlState();
            String reason = cause.getCause().getMessage();
            String action;
            if (state.startsWith("28")) {
                action = "The database refused this user or password. Check the password variable among "
                        + cause.variables() + ". A PostgreSQL container takes POSTGRES_PASSWORD only when its volume"
                        + " is first created; for an existing volume it is the password set then (change it with"
                        + " ALTER ROLE ... PASSWORD).";
            } else if (state.equals("3D000")) {
                action = "The server has no such database. Check the database name among " + cause.variables()
                        + ", or create the database.";
            } else {
                action = "No PostgreSQL answered there. Check the host and port among " + cause.variables()
                        + ", that the database is running and that this container shares its network.";
            }
            return new FailureAnalysis(
                    "Cannot log in to the database " + cause.target() + ":\n    " + reason, action, cause);
        }
    }
}
