package org.llmtutor.userservice.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.stereotype.Repository;

/**
 * Flyway's schema history table, read on a connection of the data source given: this runs before the schema is known
 * to be current, so before anything that depends on database initialization (JdbcClient among them).
 */
@Repository
class SchemaHistoryRepository {

    /**
     * The versions applied successfully; none when any attempt failed (Flyway's migrate must then report it) or when
     * the table does not exist yet.
     */
    Set<MigrationVersion> applied(DataSource dataSource) {
        Set<MigrationVersion> versions = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM flyway_schema_history")) {
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
