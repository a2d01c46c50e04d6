package org.llmtutor.userservice.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The database schema, brought up to date when the service or an admin command starts, before anything that uses the
 * database ({@link SchemaMigrationDetector} makes them wait for it): not at all when the schema history already lists
 * every migration this build carries, applied successfully (one query on the pool's first connection); otherwise
 * Flyway's full migrate with its validation. Flyway is built only then: building it (its plugins and its configuration
 * reader) and its migrate (scanning, checksumming and validating every migration) were a large part of every start,
 * which an up-to-date database needs none of. {@code admin migrate} always runs Flyway's own migrate, validation
 * included, through {@link #flyway()}.
 */
@Component
public class SchemaMigration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);
    // {vendor}: the database's id (postgresql, h2); the vendor folder holds what only that database has (the token
    // state's NOTIFY triggers on PostgreSQL).
    private static final String[] LOCATIONS = {"db/migration", "db/vendor/{vendor}"};
    // Flyway's versioned migration names: V<version>__<description>.sql, the version's parts separated by _ or .
    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9._]*)__.*\\.sql$");

    private final DataSource dataSource;
    private final SchemaHistoryRepository history;
    private final String url;
    private final String username;
    private final String password;

    SchemaMigration(DataSource dataSource, SchemaHistoryRepository history, Environment env) {
        this.dataSource = dataSource;
        this.history = history;
        this.url = env.getRequiredProperty("spring.datasource.url");
        this.username = env.getProperty("spring.datasource.username");
        this.password = env.getProperty("spring.datasource.password");
    }

    @Override
    public void afterPropertiesSet() {
        migrateIfBehind();
    }

    /** Runs Flyway's migrate unless the history shows every migration of this build applied; whether it ran. */
    public boolean migrateIfBehind() {
        Optional<Set<MigrationVersion>> carried = carriedVersions();
        if (carried.isPresent()
                && !carried.get().isEmpty()
                && history.applied(dataSource).containsAll(carried.get())) {
            log.debug(
                    "Schema history lists all {} migrations of this build; Flyway's migrate skipped",
                    carried.get().size());
            return false;
        }
        flyway().migrate();
        return true;
    }

    /** Flyway, configured for this build's migrations on the service's database. */
    public Flyway flyway() {
        boolean h2 = EmbeddedDatabase.isEmbedded(url);
        FluentConfiguration config = Flyway.configure(SchemaMigration.class.getClassLoader())
                .locations(
                        Arrays.stream(roots()).map(root -> "classpath:" + root).toArray(String[]::new))
                // Version 0 makes V1 run even on an adopted Python-era database; V1 only creates what is missing.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("adopted existing schema")
                // The few type names PostgreSQL and the embedded H2 spell differently.
                .placeholders(Map.of(
                        "json_type",
                        h2 ? "JSON" : "JSONB",
                        "uuid_default",
                        h2 ? "RANDOM_UUID()" : "gen_random_uuid()"));
        // On PostgreSQL, migrations get their own connection without the request path's read timeout: adopting a
        // large legacy database may build an index for longer than that.
        return (h2 ? config.dataSource(dataSource) : config.dataSource(url, username, password)).load();
    }

    /** The classpath folders of this build's migrations, for this database. */
    private String[] roots() {
        String vendor = DatabaseDriver.fromJdbcUrl(url).getId();
        return Arrays.stream(LOCATIONS)
                .map(root -> root.replace("{vendor}", vendor))
                .toArray(String[]::new);
    }

    /**
     * The versions of the migrations this build carries; empty (meaning: let Flyway decide) when a location holds
     * anything but versioned SQL migrations. Finding none at all also leaves it to Flyway.
     */
    private Optional<Set<MigrationVersion>> carriedVersions() {
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(SchemaMigration.class.getClassLoader());
        Set<MigrationVersion> versions = new TreeSet<>();
        try {
            for (String root : roots()) {
                for (Resource resource : resolver.getResources("classpath*:" + root + "/**/*")) {
                    String name = resource.getFilename();
                    if (name == null || name.isEmpty() || !resource.isReadable()) {
                        continue; // a folder
                    }
                    Matcher versioned = VERSIONED.matcher(name);
                    if (!versioned.matches()) {
                        return Optional.empty();
                    }
                    versions.add(MigrationVersion.fromVersion(versioned.group(1).replace('_', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(versions);
    }
}
