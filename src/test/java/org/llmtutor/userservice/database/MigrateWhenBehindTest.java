package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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

    /**
     * Instances started together on an empty database would race in Flyway's baseline-on-migrate (one finds the history
     * table another has just made, still empty, and fails to start): on PostgreSQL, Flyway migrates only while this
     * service's advisory lock is held, by another session than Flyway's, also when Flyway has a data source of its own,
     * as DatabaseConfig gives it.
     */
    @Test
    void onPostgresqlFlywayMigratesUnderTheServicesMigrationLock() {
        String url = TestDatabase.newDatabase("strategy_lock");
        LockSeenBeforeMigrate seen = new LockSeenBeforeMigrate();
        CountingFlyway flyway = new CountingFlyway(configured(url).callbacks(seen));

        strategy.migrate(flyway);

        assertThat(flyway.migrations).isEqualTo(1);
        assertThat(seen.holders)
                .as("sessions holding the migration lock while Flyway migrated")
                .isEqualTo(1);
    }

    /** Counts, before Flyway migrates, the other sessions that hold the service's migration lock. */
    private static final class LockSeenBeforeMigrate implements Callback {
        int holders = -1;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try (PreparedStatement s = context.getConnection()
                    .prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                            + " AND classid = ? AND objid = ? AND objsubid = 1 AND pid <> pg_backend_pid()")) {
                s.setLong(1, MigrateWhenBehind.MIGRATION_LOCK >>> 32);
                s.setLong(2, MigrateWhenBehind.MIGRATION_LOCK & 0xFFFFFFFFL);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    holders = rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getCallbackName() {
            return "lock seen before migrate";
        }
    }

    /** Configured as application.yml and DatabaseConfig configure Boot's Flyway on PostgreSQL. */
    private static CountingFlyway flyway(String url) {
        return new CountingFlyway(configured(url));
    }

    private static FluentConfiguration configured(String url) {
        return Flyway.configure()
                .dataSource(url, TestDatabase.username(), TestDatabase.password())
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("json_type", "JSONB", "uuid_default", "gen_random_uuid()"));
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
