package org.llmtutor.userservice.quiz;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.ZoneOffset;
import org.llmtutor.userservice.common.EmbeddedDatabase;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JdbcClient rather than Spring Data's insert, which would bind the JSON text as a character string: PostgreSQL refuses
 * that for a jsonb column, and H2 stores it as one JSON string. PostgreSQL gets it untyped (the server parses it as
 * jsonb), H2 as UTF-8 bytes (which H2 parses as JSON text).
 */
class QuizResultInsertImpl implements QuizResultInsert {

    private final JdbcClient jdbc;
    private final boolean embedded;

    QuizResultInsertImpl(JdbcClient jdbc, Environment env) {
        this.jdbc = jdbc;
        this.embedded = EmbeddedDatabase.isEmbedded(env.getProperty("spring.datasource.url"));
    }

    @Override
    public void insert(QuizResult r) {
        jdbc.sql("INSERT INTO quiz_results (id, user_id, quiz_id, score, details, created_at)"
                        + " VALUES (:id, :userId, :quizId, :score, :details, :createdAt)")
                .param("id", r.getId())
                .param("userId", r.getUserId())
                .param("quizId", r.getQuizId())
                .param("score", r.getScore())
                .param("details", json(r.getDetails()))
                .param("createdAt", r.getCreatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    private SqlParameterValue json(String text) {
        if (embedded) {
            return new SqlParameterValue(Types.VARBINARY, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        return new SqlParameterValue(Types.OTHER, text);
    }
}
