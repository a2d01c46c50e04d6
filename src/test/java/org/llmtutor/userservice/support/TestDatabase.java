package org.llmtutor.userservice.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every integration test runs against, found once per test run in this order: the JDBC URL in
 * {@code TEST_DATABASE_URL}; a Testcontainers PostgreSQL where a Docker engine answers; a server on
 * {@code 127.0.0.1:5432} as user {@code postgres}. Each run works in fresh databases of its own, dropped at the end.
 */
public final class TestDatabase {

    public static final String ENV_URL = "TEST_DATABASE_URL";
    private static final String PREFIX = "user_service_test_";
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?$");

    private static final class Holder {
        static final TestDatabase INSTANCE = new TestDatabase();
    }

    private final String serverUrl;
    private final String maintenanceDatabase;
    private final String query;
    private final Properties credentials = new Properties();
    private final List<String> created = new ArrayList<>();
    private final String mainUrl;

    private TestDatabase() {
        String explicit = System.getenv(ENV_URL);
        String adminUrl;
        if (explicit != null && !explicit.isBlank()) {
            adminUrl = explicit.trim();
            credentials.setProperty("user", env("TEST_DATABASE_USER", "postgres"));
            credentials.setProperty("password", env("TEST_DATABASE_PASSWORD", ""));
        } else if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            adminUrl = container.getJdbcUrl();
            credentials.setProperty("user", container.getUsername());
            credentials.setProperty("password", container.getPassword());
        } else {
            adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
            credentials.setProperty("user", "postgres");
            credentials.setProperty("password", "");
        }
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException(ENV_URL + " must be a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://host:5432/postgres, got " + adminUrl);
        }
        serverUrl = m.group(1);
        query = m.group(3) == null ? "" : m.group(3);
        String maintenance = m.group(2) == null || m.group(2).length() <= 1 ? "/postgres" : m.group(2);
        try (Connection c = DriverManager.getConnection(serverUrl + maintenance + query, credentials)) {
            dropAbandoned(c);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The tests need a real PostgreSQL and found none (tried " + adminUrl + ": " + e.getMessage()
                            + "). Provide one in any of these ways: set " + ENV_URL
                            + " to a JDBC URL of a server where the user may create databases"
                            + " (TEST_DATABASE_USER / TEST_DATABASE_PASSWORD for credentials); run a Docker engine"
                            + " for Testcontainers; or run PostgreSQL on 127.0.0.1:5432 with user postgres"
                            + " (bash .ci/run starts or installs one).",
                    e);
        }
        maintenanceDatabase = maintenance;
        mainUrl = createDatabase("main");
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated));
    }

    /** The database shared by the test run's Spring context. */
    public static String url() {
        return Holder.INSTANCE.mainUrl;
    }

    public static String username() {
        return Holder.INSTANCE.credentials.getProperty("user");
    }

    public static String password() {
        return Holder.INSTANCE.credentials.getProperty("password");
    }

    /** A further empty database for tests that need one of their own (legacy adoption, a second schema). */
    public static String newDatabase(String purpose) {
        return Holder.INSTANCE.createDatabase(purpose);
    }

    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, Holder.INSTANCE.credentials);
    }

    private synchronized String createDatabase(String purpose) {
        String name = PREFIX + System.currentTimeMillis() / 1000 + "_" + purpose.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + name);
        created.add(name);
        return serverUrl + "/" + name + query;
    }

    private synchronized void dropCreated() {
        for (String name : created) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // Leftovers are dropped by a later run (dropAbandoned).
            }
        }
    }

    /** Databases of runs that died without cleaning up, older than a day. */
    private static void dropAbandoned(Connection c) throws SQLException {
        long cutoff = System.currentTimeMillis() / 1000 - 86_400;
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_", 2);
                if (parts[0].chars().allMatch(Character::isDigit) && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl + maintenanceDatabase + query, credentials);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
