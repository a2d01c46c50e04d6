package org.llmtutor.userservice.auth.token.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL's {@code token_state} channel on a connection of its own (outside the pool, which would reset
 * it and could not spare it) and feeds every notification to the cache. Until it listens, and whenever the connection
 * fails, the cache reads through to the database; once it listens again the cache starts empty, since whatever
 * changed meanwhile was announced to nobody.
 */
class TokenStateListener implements SmartLifecycle {

    static final String CHANNEL = "token_state";
    private static final Logger log = LoggerFactory.getLogger(TokenStateListener.class);
    // How long one wait for notifications lasts: also how soon a stop is noticed.
    private static final int POLL_MILLIS = 250;
    // A query now and then proves the connection alive even when nothing is announced.
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final TokenStateCache cache;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private volatile Thread thread;

    /** @param url the PostgreSQL JDBC URL, or null on the embedded database, where there is nothing to listen to */
    TokenStateListener(TokenStateCache cache, String url, String username, String password) {
        this.cache = cache;
        this.url = url;
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", "user-service token-state listener");
        credentials.setProperty("tcpKeepAlive", "true");
        // A heartbeat on a silently dead connection fails after this rather than hanging.
        credentials.setProperty("socketTimeout", "10");
    }

    /**
     * Started before and stopped after the web server (Boot's phases: {@code DEFAULT_PHASE - 1024} and {@code - 2048}),
     * so that requests still served while an instance drains keep checking tokens from memory.
     */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        running = true;
        if (url == null) {
            return;
        }
        Thread t = new Thread(this::run, "token-state-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (url != null) {
            cache.setCoherent(false);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 100;
        boolean failed = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, credentials)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                cache.setCoherent(true);
                if (failed) {
                    log.info("Token-state listener connected again; in-memory token state reloaded");
                }
                failed = false;
                backoff = 100;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                cache.setCoherent(false);
                if (!running) {
                    return;
                }
                if (!failed) {
                    log.warn(
                            "Token-state listener lost its database connection ({}); token checks read the database"
                                    + " until it is back",
                            e.getMessage());
                }
                failed = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    cache.apply(n.getParameter());
                }
            }
            if (System.nanoTime() - nextHeartbeat > 0) {
                // Like LISTEN above, a statement about this connection, not data access: no repository's business.
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
            }
        }
    }
}
