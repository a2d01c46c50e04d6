package org.llmtutor.userservice.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.TestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A start on an up-to-date database skips Flyway altogether; anything else (a new database, a migration the history
 * lacks, a failed attempt) still goes through Flyway's migrate, so nothing is ever left unmigrated or unreported.
 */
class SchemaMigrationTest {

    @Test
    void anEmptyDatabaseIsMigratedAndAnUpToDateOneIsNotMigratedAgain() {
        SchemaMigration migration = migration(TestDatabase.newDatabase("schema_current"));

        assertThat(migration.migrateIfBehind()).as("an empty database").isTrue();
        assertThat(migration.flyway().info().pending()).isEmpty();

        assertThat(migration.migrateIfBehind())
                .as("the same database, now current")
                .isFalse();
    }

    @Test
    void aDatabaseBehindThisBuildIsMigrated() {
        SchemaMigration migration = migration(TestDatabase.newDatabase("schema_behind"));
        // As if the migrations after V12 had come with this build.
        Flyway.configure()
                .configuration(migration.flyway().getConfiguration())
                .target("12")
                .load()
                .migrate();
        assertThat(migration.flyway().info().pending()).isNotEmpty();

        assertThat(migration.migrateIfBehind()).isTrue();
        assertThat(migration.flyway().info().pending()).isEmpty();
    }

    /** Flyway refuses to start over a failed migration until someone repairs it; skipping would hide that. */
    @Test
    void aFailedAttemptInTheHistoryLeavesTheDecisionToFlyway() throws SQLException {
        String url = TestDatabase.newDatabase("schema_failed");
        SchemaMigration migration = migration(url);
        migration.flyway().migrate();
        try (Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = FALSE"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
        }

        assertThatThrownBy(migration::migrateIfBehind)
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("failed");
    }

    private SchemaMigration migration(String url) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", TestDatabase.username())
                .withProperty("spring.datasource.password", TestDatabase.password());
        return new SchemaMigration(
                new DriverManagerDataSource(url, TestDatabase.username(), TestDatabase.password()),
                new SchemaHistoryRepository(),
                env);
    }
}
