package org.llmtutor.userservice.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.stereotype.Repository;

/**
 * Flyway's schema history table, read on the connection Flyway itself is configured with: this runs before the
 * schema is known to be current, so before anything that depends on database initialization (JdbcClient among them).
 */
@Repository
class SchemaHistoryRepository {

    /**
     * The versions applied successfully; none when any attempt failed (Flyway's migrate must then report it) or when
     * the table does not exist yet.
     */
    Set<MigrationVersion> applied(Configuration config) {
        String schema = config.getDefaultSchema() != null
                ? config.getDefaultSchema()
                : config.getSchemas().length > 0 ? config.getSchemas()[0] : null;
        // Identifiers from the service's own configuration, not from any input.
        String table = schema == null ? config.getTable() : schema + "." + config.getTable();
        Set<MigrationVersion> versions = new TreeSet<>();
        try (Connection connection = config.getDataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM " + table)) {
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
}
