package org.llmtutor.userservice.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * How Boot's Flyway migrates when the service or an admin command starts: not at all when the schema history already
 * lists every migration this build carries, each applied successfully (one query); otherwise Flyway's full migrate,
 * validation included. Flyway's migrate scans, reads and checksums every migration and validates them against the
 * history under its lock, a large part of a start that an up-to-date schema needs none of. Anything this check does not
 * understand (Java migrations, custom resolvers, a file that is no versioned SQL migration, a location outside the
 * classpath, a target) leaves the decision to Flyway. {@code admin migrate} always runs Flyway's own migrate.
 */
@Component
class MigrateWhenBehind implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(MigrateWhenBehind.class);

    /** A session advisory lock key of this service's own ("usrmigr" in ASCII), apart from Flyway's. */
    static final long MIGRATION_LOCK = 0x7573726d696772L;

    @Override
    public void migrate(Flyway flyway) {
        Configuration config = flyway.getConfiguration();
        Optional<Set<MigrationVersion>> carried = carriedVersions(config);
        if (upToDate(config, carried)) {
            return;
        }
        // Instances started together on an empty database race in Flyway's baseline-on-migrate, before Flyway takes
        // its own lock (one finds the history table another has just made, still empty, and fails). On PostgreSQL one
        // migrates at a time under this lock; the ones that waited find the schema current.
        Optional<Connection> postgresql = lockConnection(config.getDataSource());
        if (postgresql.isEmpty()) {
            flyway.migrate();
            return;
        }
        try (Connection lock = postgresql.get();
                Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            if (!upToDate(config, carried)) {
                flyway.migrate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    /**
     * On PostgreSQL, a connection to hold the lock on while Flyway migrates with others of its data source; none on
     * another database. On PostgreSQL Flyway has a data source of its own (DatabaseConfig), which opens a new connection
     * each time; were it the application's pool, the lock's connection is opened beside it, as Flyway may need the pool
     * whole.
     */
    private static Optional<Connection> lockConnection(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        ? Optional.of(ConnectionOutsidePool.open(pool, "user-service migration lock"))
                        : Optional.empty();
            }
            Connection connection = dataSource.getConnection();
            try {
                if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    return Optional.of(connection);
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private static boolean upToDate(Configuration config, Optional<Set<MigrationVersion>> carried) {
        if (carried.isPresent() && !carried.get().isEmpty() && applied(config).containsAll(carried.get())) {
            log.debug(
                    "Schema history lists all {} migrations of this build; Flyway's migrate skipped",
                    carried.get().size());
            return true;
        }
        return false;
    }

    /**
     * The versions of the versioned SQL migrations in the configured locations; empty (let Flyway decide) when this
     * check cannot tell what Flyway would apply.
     */
    private static Optional<Set<MigrationVersion>> carriedVersions(Configuration config) {
        if (config.getJavaMigrations().length > 0
                || config.getResolvers().length > 0
                || !MigrationVersion.LATEST.equals(config.getTarget())
                || config.getSqlMigrationSuffixes().length != 1) {
            return Optional.empty();
        }
        Pattern versioned = Pattern.compile("^" + Pattern.quote(config.getSqlMigrationPrefix()) + "([0-9][0-9._]*)"
                + Pattern.quote(config.getSqlMigrationSeparator()) + ".*"
                + Pattern.quote(config.getSqlMigrationSuffixes()[0]) + "$");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(config.getClassLoader());
        Set<MigrationVersion> versions = new TreeSet<>();
        try {
            for (Location location : config.getLocations()) {
                if (!location.isClassPath()) {
                    return Optional.empty();
                }
                for (Resource resource : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*")) {
                    String name = resource.getFilename();
                    if (name == null || name.isEmpty() || !resource.isReadable()) {
                        continue; // a folder
                    }
                    Matcher version = versioned.matcher(name);
                    if (!version.matches()) {
                        return Optional.empty();
                    }
                    versions.add(MigrationVersion.fromVersion(version.group(1).replace('_', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(versions);
    }

    /**
     * The versions applied successfully; none when any attempt failed (Flyway's migrate must report it) or when there
     * is no history yet.
     */
    private static Set<MigrationVersion> applied(Configuration config) {
        String table = quoted(config.getTable());
        String schema = config.getDefaultSchema() != null
                ? config.getDefaultSchema()
                : (config.getSchemas().length > 0 ? config.getSchemas()[0] : null);
        String history = schema == null ? table : quoted(schema) + "." + table;
        Set<MigrationVersion> versions = new TreeSet<>();
        try (Connection connection = config.getDataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM " + history)) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return Set.of();
                }
                String version = rows.getString(1);
                if (version != null) {
                    versions.add(MigrationVersion.fromVersion(version));
                }
            }
        } catch (SQLException noHistoryYet) {
            return Set.of();
        }
        return versions;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
