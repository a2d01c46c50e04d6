package org.llmtutor.userservice.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool as the application sees it, and where {@link DatabaseOutage} learns that the database went away: a
 * connection the pool could not make, and (through the pool's {@link SQLExceptionOverride}, which sees every
 * SQLException of a connection in use, its statements and results) a connection that broke. While the outage is known
 * a connection is refused at once instead of waiting. Both refusals are Spring's {@link
 * CannotGetJdbcConnectionException}, not an SQLException, so that Hibernate does not log each refused request as a
 * failed statement: the outage is logged once, by {@link DatabaseOutage}.
 *
 * <p>Tells a pool that is busy from a database that is away: the pool's own wait is short (application.yml), so a
 * request fails within the outage bound when no connection can be made; while every connection is in use by requests
 * that are progressing (a burst of writes queueing on one row), the wait is extended up to {@link #BUSY_BUDGET}.
 */
class OutageAwareDataSource extends DelegatingDataSource {

    static final Duration BUSY_BUDGET = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final DatabaseOutage outage;

    OutageAwareDataSource(HikariDataSource pool, DatabaseOutage outage) {
        super(pool);
        this.pool = pool;
        this.outage = outage;
        pool.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override // Hikari's nested enum is called Override too
            public Override adjudicate(SQLException failure) {
                outage.failed(failure);
                return Override.CONTINUE_EVICT;
            }
        });
        outage.watch(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + BUSY_BUDGET.toNanos();
        while (true) {
            if (!outage.isReachable()) {
                outage.refused();
                throw new CannotGetJdbcConnectionException("The database is unreachable");
            }
            try {
                return rollbackAware(outage.handedOut(pool.getConnection()));
            } catch (SQLTransientConnectionException timedOut) {
                if (outage.isReachable() && busy() && System.nanoTime() <= deadline) {
                    continue;
                }
                outage.failed(timedOut);
                throw new CannotGetJdbcConnectionException("No connection to the database", timedOut);
            } catch (SQLException failed) {
                outage.failed(failed);
                if (DatabaseOutage.isUnreachable(failed)) {
                    throw new CannotGetJdbcConnectionException("No connection to the database", failed);
                }
                throw failed;
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

    /**
     * The connection, except that a rollback failing because the connection is already closed (it broke, and the pool
     * evicted it) counts as done: the database discards a transaction whose connection ends, so there is nothing left
     * to undo, and {@link DatabaseOutage} says so once rather than every layer above with a stack trace. A rollback
     * that fails on a live connection fails as ever.
     */
    private Connection rollbackAware(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        Throwable failure = e.getCause();
                        if (method.getName().equals("rollback")
                                && args == null
                                && failure instanceof SQLException
                                && connection.isClosed()) {
                            outage.rollbackLost(failure);
                            return null;
                        }
                        throw failure;
                    }
                });
    }
}
