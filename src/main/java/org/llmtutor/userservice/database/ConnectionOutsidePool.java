package org.llmtutor.userservice.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection to the pool's database that the pool does not count: for what must not wait behind, or take a slot
 * from, the requests (the outage heartbeat, the migration lock held while Flyway uses the pool).
 */
final class ConnectionOutsidePool {

    private ConnectionOutsidePool() {}

    static Connection open(HikariDataSource pool, String applicationName) throws SQLException {
        Properties properties = new Properties();
        pool.getDataSourceProperties().forEach(properties::put);
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
