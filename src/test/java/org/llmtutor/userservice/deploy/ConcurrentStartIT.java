package org.llmtutor.userservice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;

/**
 * Instances started at the same moment on an empty database (a fresh deployment of N replicas, or N pods rolled onto
 * a release with a migration) apply each migration exactly once and all become ready: the service's advisory lock on
 * PostgreSQL serialises their migrates (MigrateWhenBehind), and the ones that wait find the schema up to date.
 */
class ConcurrentStartIT {

    private static final int INSTANCES = 3;

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseMigrateOnceAndAllBecomeReady() throws Exception {
        String url = TestDatabase.newDatabase("together");
        List<CompletableFuture<AppInstance>> starts = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> AppInstance.start(AppInstance.onDatabase(
                    url, "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=1"))));
        }
        List<AppInstance> instances = new ArrayList<>();
        try {
            for (CompletableFuture<AppInstance> start : starts) {
                instances.add(start.get(120, TimeUnit.SECONDS));
            }
            for (AppInstance instance : instances) {
                assertThat(instance.api()
                                .get("/actuator/health/readiness", null)
                                .status())
                        .isEqualTo(200);
            }
            try (Connection c = TestDatabase.connect(url);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT version), bool_and(success)"
                            + " FROM flyway_schema_history WHERE version IS NOT NULL AND version <> '0'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("migrations applied").isPositive().isEqualTo(rs.getInt(2));
                assertThat(rs.getBoolean(3)).isTrue();
            }
        } finally {
            for (CompletableFuture<AppInstance> start : starts) {
                try {
                    start.get(120, TimeUnit.SECONDS).close();
                } catch (ExecutionException failedToStart) {
                    // nothing to close; the failure is what the test reports
                }
            }
        }
    }
}
