package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.TestDatabase;

/**
 * A start on an up-to-date database skips Flyway's migrate; anything else (a new database, a migration the history
 * lacks, a failed attempt) still goes through it, so nothing is ever left unmigrated or unreported.
 */
class MigrateWhenBehindTest {

    private final MigrateWhenBehind strategy = new MigrateWhenBehind();

    @Test
    void anEmptyDatabaseIsMigratedAndAnUpToDateOneIsNotMigratedAgain() {
        CountingFlyway flyway = flyway(TestDatabase.newDatabase("strategy_current"));

        strategy.migrate(flyway);
        assertThat(flyway.migrations).as("an empty database").isEqualTo(1);
        assertThat(flyway.info().pending()).isEmpty();

        strategy.migrate(flyway);
        assertThat(flyway.migrations).as("the same database, now current").isEqualTo(1);
    }

    @Test
    void aDatabaseBehindThisBuildIsMigrated() {
        CountingFlyway flyway = flyway(TestDatabase.newDatabase("strategy_behind"));
        // As if the migrations after V12 had come with this build.
        Flyway.configure()
                .configuration(flyway.getConfiguration())
                .target("12")
                .load()
                .migrate();
        assertThat(flyway.info().pending()).isNotEmpty();

        strategy.migrate(flyway);
        assertThat(flyway.migrations).isEqualTo(1);
        assertThat(flyway.info().pending()).isEmpty();
    }

    /** Flyway refuses to start over a failed migration until someone repairs it; skipping would hide that. */
    @Test
    void aFailedAttemptInTheHistoryLeavesTheDecisionToFlyway() throws SQLException {
        String url = TestDatabase.newDatabase("strategy_failed");
        CountingFlyway flyway = flyway(url);
        flyway.migrate();
        try (Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = FALSE"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
        }

        assertThatThrownBy(() -> strategy.migrate(flyway))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("failed");
    }

    /** Configured as application.yml and DatabaseConfig configure Boot's Flyway on PostgreSQL. */
    private static CountingFlyway flyway(String url) {
        return new CountingFlyway(Flyway.configure()
                .dataSource(url, TestDatabase.username(), TestDatabase.password())
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("json_type", "JSONB", "uuid_default", "gen_random_uuid()")));
    }

    private static final class CountingFlyway extends Flyway {
        int migrations;

        CountingFlyway(Configuration configuration) {
            super(configuration);
        }

        @Override
        public MigrateResult migrate() {
            migrations++;
            return super.migrate();
        }
    }
}
