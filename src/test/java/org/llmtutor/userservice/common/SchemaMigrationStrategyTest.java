package org.llmtutor.userservice.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.TestDatabase;

/**
 * A start on an up-to-date database skips Flyway's migrate; anything else (a new database, a migration the history
 * lacks, a failed attempt) still goes through Flyway, so nothing is ever left unmigrated or unreported.
 */
class SchemaMigrationStrategyTest {

    private final SchemaMigrationStrategy strategy = new SchemaMigrationStrategy(new SchemaHistoryRepository());
    private final AtomicInteger migrateRuns = new AtomicInteger();

    @Test
    void anEmptyDatabaseIsMigratedAndAnUpToDateOneIsNotMigratedAgain() {
        String url = TestDatabase.newDatabase("strategy_current");

        strategy.migrate(flyway(url, null));
        assertThat(migrateRuns).as("an empty database").hasValue(1);
        assertThat(flyway(url, null).info().pending()).isEmpty();

        strategy.migrate(flyway(url, null));
        assertThat(migrateRuns).as("the same database, now current").hasValue(1);
    }

    @Test
    void aDatabaseBehindThisBuildIsMigrated() {
        String url = TestDatabase.newDatabase("strategy_behind");
        flyway(url, "12").migrate();
        assertThat(flyway(url, null).info().pending()).isNotEmpty();
        migrateRuns.set(0);

        strategy.migrate(flyway(url, null));

        assertThat(migrateRuns).hasValue(1);
        assertThat(flyway(url, null).info().pending()).isEmpty();
    }

    /** Flyway refuses to start over a failed migration until someone repairs it; skipping would hide that. */
    @Test
    void aFailedAttemptInTheHistoryLeavesTheDecisionToFlyway() throws SQLException {
        String url = TestDatabase.newDatabase("strategy_failed");
        flyway(url, null).migrate();
        try (Connection c = TestDatabase.connect(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = FALSE"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
        }

        // Flyway's validation reports the failed migration (the strategy itself throws no FlywayException).
        assertThatThrownBy(() -> strategy.migrate(flyway(url, null)))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("failed");
    }

    private Flyway flyway(String url, String target) {
        var config = Flyway.configure()
                .dataSource(url, TestDatabase.username(), TestDatabase.password())
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .placeholders(Map.of("json_type", "JSONB", "uuid_default", "gen_random_uuid()"))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .callbacks(new CountMigrateRuns());
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private final class CountMigrateRuns implements Callback {
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
            migrateRuns.incrementAndGet();
        }

        @Override
        public String getCallbackName() {
            return "count migrate runs";
        }
    }
}
