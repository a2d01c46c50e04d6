package org.llmtutor.userservice.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.IntegrationTest;
import org.springframework.dao.DataIntegrityViolationException;

/** The migrations on an empty database give the improved schema of contract section D. */
class FreshSchemaTest extends IntegrationTest {

    @Test
    void usersGetDatabaseDefaults() {
        UUID id = jdbc.sql("INSERT INTO users (username, hashed_password) VALUES (:u, 'x') RETURNING id")
                .param("u", uniqueName("defaults"))
                .query(UUID.class)
                .single();

        var row = jdbc.sql("SELECT is_active, xp, role, failed_login_attempts, created_at FROM users WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("is_active")).isEqualTo(true);
        assertThat(row.get("xp")).isEqualTo(0);
        assertThat(row.get("role")).isEqualTo("user");
        assertThat(row.get("failed_login_attempts")).isEqualTo(0);
        assertThat(row.get("created_at")).isNotNull();
    }

    @Test
    void deletingAUserDeletesTheirSessionsSettingsAndQuizResults() {
        UUID user = insertUser();
        jdbc.sql("INSERT INTO chat_sessions (user_id, session_id) VALUES (:u, :s)")
                .param("u", user)
                .param("s", uniqueName("s"))
                .update();
        jdbc.sql(
                        "INSERT INTO user_settings (user_id, service_type, provider, model_name) VALUES (:u, 'rag', 'openai', 'm')")
                .param("u", user)
                .update();
        jdbc.sql("INSERT INTO quiz_results (user_id, quiz_id, score) VALUES (:u, 'q', 50)")
                .param("u", user)
                .update();

        jdbc.sql("DELETE FROM users WHERE id = :u").param("u", user).update();

        for (String table : new String[] {"chat_sessions", "user_settings", "quiz_results"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = :u")
                            .param("u", user)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void oneSettingsRowPerUserAndService() {
        UUID user = insertUser();
        String insert =
                "INSERT INTO user_settings (user_id, service_type, provider, model_name) VALUES (:u, 'agent', 'zai', 'm')";
        jdbc.sql(insert).param("u", user).update();

        assertThatThrownBy(() -> jdbc.sql(insert).param("u", user).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void userIdColumnsAreIndexed() {
        var indexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename IN ('chat_sessions', 'quiz_results')")
                .query(String.class)
                .list();

        assertThat(indexes).contains("ix_chat_sessions_user_created", "ix_quiz_results_user_created");
    }

    private UUID insertUser() {
        return jdbc.sql("INSERT INTO users (username, hashed_password) VALUES (:u, 'x') RETURNING id")
                .param("u", uniqueName("cascade"))
                .query(UUID.class)
                .single();
    }
}
