package org.llmtutor.userservice.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * How the service and the admin CLI bring the schema up to date when they start: not at all when the schema history
 * already lists every migration this build carries, applied successfully (one query, answered from the history
 * table); otherwise Flyway's full migrate with its validation. Flyway's migrate scans, checksums and validates every
 * migration on every start, a large part of a start-up that a deployment pays for each instance and each CLI command;
 * an up-to-date database needs none of it. {@code admin migrate} always runs Flyway's own migrate, validation included.
 */
@Component
class SchemaMigrationStrategy implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrationStrategy.class);
    // Flyway's versioned migration names: V<version>__<description>.sql, the version's parts separated by _ or .
    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9._]*)__.*\\.sql$");

    private final SchemaHistoryRepository history;

    SchemaMigrationStrategy(SchemaHistoryRepository history) {
        this.history = history;
    }

    @Override
    public void migrate(Flyway flyway) {
        Configuration config = flyway.getConfiguration();
        Optional<Set<MigrationVersion>> carried = carriedVersions(config);
        if (carried.isPresent()
                && !carried.get().isEmpty()
                && history.applied(config).containsAll(carried.get())) {
            log.debug(
                    "Schema history lists all {} migrations of this build; Flyway's migrate skipped",
                    carried.get().size());
            return;
        }
        flyway.migrate();
    }

    /**
     * The versions of the migrations in the configured locations; empty (meaning: let Flyway decide) when a location is
     * not on the classpath or holds anything but versioned SQL migrations. Finding none at all also leaves it to Flyway.
     */
    private static Optional<Set<MigrationVersion>> carriedVersions(Configuration config) {
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
