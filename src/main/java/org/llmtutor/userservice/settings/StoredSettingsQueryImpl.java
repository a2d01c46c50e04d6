package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JdbcClient rather than a repository query: the rows of a join, no entity. Outside a transaction the statement runs on
 * its own (one round trip); inside one (PATCH answers the resulting map) it shares the transaction's connection and so
 * sees what the transaction wrote.
 */
class StoredSettingsQueryImpl implements StoredSettingsQuery {

    private final JdbcClient jdbc;

    StoredSettingsQueryImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredRow> findStored(UUID userId) {
        return jdbc.sql("SELECT s.service_type, s.provider, s.model_name, i.identity_id FROM users u"
                        + " LEFT JOIN user_settings s ON s.user_id = u.id"
                        + " LEFT JOIN user_settings_identity i ON i.user_id = u.id WHERE u.id = :userId")
                .param("userId", userId)
                .query((rs, n) -> new StoredRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
