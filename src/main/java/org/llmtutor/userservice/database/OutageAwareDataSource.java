package org.llmtutor.userservice.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells a pool that is busy from a database that is away. The pool's own wait is short (application.yml), so a
 * request fails within the outage bound when no connection can be made; while every connection is in use by requests
 * that are progressing (a burst of writes queueing on one row), the wait is extended up to {@link #BUSY_BUDGET}. While
 * {@link DatabaseOutage} knows the database is away, a request fails at once instead of waiting at all.
 */
class OutageAwareDataSource extends DelegatingDataSource {

    static final Duration BUSY_BUDGET = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final DatabaseOutage outage;

    OutageAwareDataSource(HikariDataSource pool, DatabaseOutage outage) {
        super(pool);
        this.pool = pool;
        this.outage = outage;
        outage.watch(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + BUSY_BUDGET.toNanos();
        while (true) {
            if (!outage.isReachable()) {
                throw new SQLTransientConnectionException("The database is unreachable", "08001");
            }
            try {
                return outage.handedOut(pool.getConnection());
            } catch (SQLTransientConnectionException timedOut) {
                if (!outage.isReachable() || !busy() || System.nanoTime() > deadline) {
                    throw timedOut;
                }
            }
        }
    }

    /**
     * The pool holds connections, all taken: the requests are many, not the database away. (Connections stuck on a
     * silent database are aborted when {@link DatabaseOutage}'s heartbeat finds it silent, which also marks the outage.)
     */
    private boolean busy() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return mx != null && mx.getTotalConnections() > 0;
    }
}
