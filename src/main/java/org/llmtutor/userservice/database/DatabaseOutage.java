package org.llmtutor.userservice.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.llmtutor.userservice.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Knows whether the database is away, so that an outage is one WARN when it starts and one INFO when it ends rather
 * than a stack trace per refused request. Requests that need the database meanwhile answer 503 with
 * {@code Retry-After}; the pool's and driver's timeouts (application.yml, {@link DatabaseConfig}) make them fail
 * within a second or two instead of waiting for the database. A database that accepts TCP and never answers (a black
 * hole) is told from a busy one by a heartbeat on a connection of its own, never by a statement's read timeout: a
 * statement may rightly wait seconds for a row lock, a {@code SELECT 1} on an idle connection never does.
 */
@Component
public class DatabaseOutage {

    /** What a refused request is told. */
    static final String DETAIL = "The database is not reachable at the moment; try again in a few seconds";

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** How often the heartbeat looks while requests use the database (it stays silent while none do). */
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(250);
    /** How long the heartbeat's {@code SELECT 1} may take; with the interval, within the 2 s outage bound. */
    private static final int HEARTBEAT_TIMEOUT_MILLIS = 1000;
    /** The heartbeat's connection is given back after this long without requests using the database. */
    private static final Duration HEARTBEAT_IDLE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final ObjectProvider<DataSource> dataSources;
    /** False from the first refusal until the probe gets an answer: requests meanwhile fail without waiting. */
    private volatile boolean reachable = true;

    private final AtomicReference<Long> downSince = new AtomicReference<>();
    /** While down: since when the probe has found the database answering, or null. */
    private final AtomicReference<Long> answeringSince = new AtomicReference<>();

    private final AtomicLong refused = new AtomicLong();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-outage-probe");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Connections the pool has handed out, so that those stuck on a silent database can be aborted. Weak: a closed
     * Hikari proxy is dropped by the collector, and aborting one that was closed meanwhile does nothing.
     */
    private final Set<Connection> handedOut =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** The heartbeat's own connection and when it was last needed; only the prober thread touches them. */
    private Connection heartbeat;

    private long heartbeatUsed;

    private volatile HikariDataSource watched;

    DatabaseOutage(ObjectProvider<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** The failure a refused request answers with. */
    public static final class Unavailable extends DomainException {

        Unavailable() {
            super(Kind.UNAVAILABLE, DETAIL);
        }

        @Override
        public Duration retryAfter() {
            return RETRY_AFTER;
        }
    }

    public DomainException unavailable() {
        return new Unavailable();
    }

    /** Notes a request refused because the database is unreachable; the first of an outage starts watching for its end. */
    public void refused(Throwable cause) {
        refused.incrementAndGet();
        down(cause);
    }

    /** The database is away from now on: requests fail at once, and the first notice of an outage watches for its end. */
    private void down(Throwable cause) {
        reachable = false;
        // A refusal while the pool refills after the return is the same outage, not a new one.
        answeringSince.set(null);
        if (downSince.compareAndSet(null, System.nanoTime())) {
            log.warn("Database unreachable ({}); requests that need it answer 503 until it is back", summary(cause));
            evictPooledConnections();
            prober.schedule(this::probe, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PostConstruct
    void startHeartbeat() {
        prober.scheduleWithFixedDelay(
                this::heartbeat, HEARTBEAT_INTERVAL.toMillis(), HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void watch(HikariDataSource pool) {
        watched = pool;
    }

    Connection handedOut(Connection connection) {
        handedOut.add(connection);
        return connection;
    }

    /**
     * While requests hold connections, checks that the database still answers a trivial query on a connection of its
     * own within {@link #HEARTBEAT_TIMEOUT_MILLIS}. When it does not, the database is away (silent or gone): the
     * outage starts and the connections in use are aborted, so the requests waiting on them answer 503 now rather than
     * when the driver's read timeout ends.
     */
    private void heartbeat() {
        try {
            HikariDataSource pool = postgresPool();
            if (isDown() || pool == null) {
                abortHeartbeat();
                return;
            }
            HikariPoolMXBean mx = pool.getHikariPoolMXBean();
            if (mx == null || mx.getActiveConnections() == 0) {
                if (heartbeat != null && System.nanoTime() - heartbeatUsed > HEARTBEAT_IDLE.toNanos()) {
                    Connection idle = heartbeat;
                    heartbeat = null;
                    idle.close();
                }
                return;
            }
            heartbeatUsed = System.nanoTime();
            if (heartbeat == null || heartbeat.isClosed()) {
                heartbeat = openHeartbeat(pool);
            }
            heartbeat.setNetworkTimeout(Runnable::run, HEARTBEAT_TIMEOUT_MILLIS);
            // Outside a repository on purpose: a probe of this raw connection, reading no data.
            try (Statement statement = heartbeat.createStatement()) {
                statement.execute("SELECT 1");
            }
        } catch (SQLException | RuntimeException failure) {
            abortHeartbeat();
            if (isUnreachable(failure) && !isDown()) {
                down(failure);
                abortHandedOut();
            } else {
                log.debug("Database heartbeat failed", failure);
            }
        }
    }

    private static Connection openHeartbeat(HikariDataSource pool) throws SQLException {
        Properties properties = new Properties();
        pool.getDataSourceProperties().forEach(properties::put);
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "user-service heartbeat");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private void abortHeartbeat() {
        Connection connection = heartbeat;
        heartbeat = null;
        if (connection != null) {
            try {
                // abort, not close: close would first try to say goodbye to a database that may not answer.
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("Could not abort the heartbeat connection", e);
            }
        }
    }

    private void abortHandedOut() {
        List<Connection> inUse;
        synchronized (handedOut) {
            inUse = new ArrayList<>(handedOut);
            handedOut.clear();
        }
        for (Connection connection : inUse) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("Could not abort a connection", e);
            }
        }
    }

    /**
     * The pool when it talks to PostgreSQL (the embedded H2 database cannot go away); null otherwise or before the pool
     * exists. Handed over by the pool's wrapper, so that the heartbeat thread never asks the context for a bean.
     */
    private HikariDataSource postgresPool() {
        HikariDataSource pool = watched;
        return pool != null && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                ? pool
                : null;
    }

    boolean isDown() {
        return downSince.get() != null;
    }

    boolean isReachable() {
        return reachable;
    }

    /** The pool itself, not the outage-aware wrapper, which refuses while the database is away. */
    private DataSource pool() throws SQLException {
        DataSource dataSource = dataSources.getObject();
        return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : dataSource;
    }

    private void probe() {
        try (Connection connection = pool().getConnection()) {
            if (connection.isValid(1)) {
                reachable = true;
                long now = System.nanoTime();
                answeringSince.compareAndSet(null, now);
                Long answering = answeringSince.get();
                // Over once the database has answered for a while with no request refused meanwhile: a pool that
                // refills right after the return may still refuse a few, and that is still this outage.
                if (answering != null && now - answering >= SETTLE.toNanos()) {
                    Long since = downSince.getAndSet(null);
                    answeringSince.set(null);
                    long millis = since == null ? 0 : TimeUnit.NANOSECONDS.toMillis(answering - since);
                    log.info(
                            "Database reachable again after {} s; {} requests were refused meanwhile",
                            String.format("%.1f", millis / 1000.0),
                            refused.getAndSet(0));
                    return;
                }
            } else {
                answeringSince.set(null);
            }
        } catch (SQLException | RuntimeException stillDown) {
            answeringSince.set(null);
        }
        prober.schedule(this::probe, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Idle connections close now, those in use when they come back: after a cut they are all dead, and the pool would
     * otherwise hand them out one by one.
     */
    private void evictPooledConnections() {
        try {
            DataSource dataSource = dataSources.getObject();
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool =
                        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not evict pooled connections", e);
        }
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
        abortHeartbeat();
    }

    /**
     * Whether a failure means the database could not be reached or did not answer in time (as opposed to a bug or a
     * refused statement): connection errors (SQLSTATE class 08), server shutdown (57P0x),
     * our timeouts), no connection from the pool in time, and socket errors.
     */
    public boolean explains(Throwable failure) {
        if (isUnreachable(failure)) {
            return true;
        }
        // While the database is known to be away, a failure of the transaction machinery (a rollback on a connection
        // that is gone) is the outage too, whatever the driver called it.
        return isDown() && (failure instanceof DataAccessException || failure instanceof TransactionException);
    }

    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    // The transaction manager could not commit or roll back, and the pool gave no SQLSTATE: Hikari's
                    // "Connection is closed" once the connection broke. The connection is gone.
                    || t instanceof TransactionSystemException && t.getCause() instanceof SQLException
                    // Hibernate's "unable to commit/rollback against JDBC Connection": the connection is gone.
                    || t instanceof org.hibernate.TransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SocketTimeoutException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A statement or transaction that ran out of time on a database that answers: busy, not away. */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryTimeoutException
                    || t instanceof TransactionTimedOutException
                    || t instanceof SQLTimeoutException
                    || t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
