package org.llmtutor.userservice.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QuizResultsTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DETAILS =
            "{\"total\":5,\"correct\":4,\"per_question\":[{\"question_id\":\"q1\",\"is_correct\":true}]}";
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

    @Test
    void recordAnswers201WithTheStoredRecordAndKeepsDetailsAsJsonb() {
        User user = newUser(Role.USER);

        Api.Response r = post(body(user.getId(), "exam-linear-models-01", "80.0", DETAILS), token(user));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode record = r.json();
        assertThat(record.propertyNames())
                .containsExactly("id", "user_id", "quiz_id", "score", "details", "created_at");
        assertThat(record.get("id").asString()).matches("[0-9a-f-]{36}");
        assertThat(record.get("user_id").asString()).isEqualTo(user.getId().toString());
        assertThat(record.get("quiz_id").asString()).isEqualTo("exam-linear-models-01");
        assertThat(record.get("score").asDouble()).isEqualTo(80.0);
        assertThat(record.get("details")).isEqualTo(JSON.readTree(DETAILS));
        assertThat(record.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(jdbc.sql("SELECT jsonb_typeof(details) FROM quiz_results WHERE id = :id")
                        .param("id", UUID.fromString(record.get("id").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo("object");
        assertThat(list(user, "").get(0)).isEqualTo(record);
    }

    @Test
    void detailsMayBeAnArrayOrNullOrAbsent() {
        User user = newUser(Role.USER);
        String token = token(user);

        Api.Response array = post(body(user.getId(), "q", "50", "[1,\"two\",{\"three\":3}]"), token);
        assertThat(array.status()).isEqualTo(201);
        assertThat(array.json().get("details")).isEqualTo(JSON.readTree("[1,\"two\",{\"three\":3}]"));
        Api.Response explicitNull = post(body(user.getId(), "q", "50", "null"), token);
        assertThat(explicitNull.status()).isEqualTo(201);
        assertThat(explicitNull.json().get("details").isNull()).isTrue();
        Api.Response absent = post("{\"user_id\":\"" + user.getId() + "\",\"quiz_id\":\"q\",\"score\":50}", token);
        assertThat(absent.status()).isEqualTo(201);
        assertThat(absent.json().get("details").isNull()).isTrue();
        assertThat(list(user, "")).hasSize(3);
    }

    @Test
    void scoreIsAnyNumberFrom0To100Inclusive() {
        User user = newUser(Role.USER);
        String token = token(user);

        for (String score : List.of("0", "100", "100.0", "33.333", "0.5")) {
            Api.Response r = post(body(user.getId(), "q", score, null), token);
            assertThat(r.status()).as(score).isEqualTo(201);
            assertThat(r.json().get("score").asDouble()).isEqualTo(Double.parseDouble(score));
        }
    }

    @Test
    void badBodiesAre422NamingTheFieldAndStoreNothing() {
        User user = newUser(Role.USER);
        String token = token(user);
        UUID id = user.getId();

        assertField(post("{\"quiz_id\":\"q\",\"score\":50}", token), "user_id");
        assertField(post("{\"user_id\":\"tmp\",\"quiz_id\":\"q\",\"score\":50}", token), "user_id");
        assertField(post("{\"user_id\":\"" + id + "\",\"score\":50}", token), "quiz_id");
        assertField(post(body(id, " ", "50", null), token), "quiz_id");
        assertField(post(body(id, "x".repeat(201), "50", null), token), "quiz_id");
        assertField(post(body(id, "a\\u0001b", "50", null), token), "quiz_id");
        assertField(post("{\"user_id\":\"" + id + "\",\"quiz_id\":\"q\"}", token), "score");
        for (String score : List.of("null", "\"80\"", "-0.1", "100.01", "true", "1e400", "[80]", "{}")) {
            assertField(post(body(id, "q", score, null), token), "score");
        }
        for (String details : List.of("\"text\"", "5", "true")) {
            assertField(post(body(id, "q", "50", details), token), "details");
        }
        // Text no column can hold is named down to where it sits.
        assertField(post(body(id, "q", "50", "{\"a\":\"nul\\u0000\"}"), token), "details.a");
        assertField(post(body(id, "q", "50", "[\"\\ud800\"]"), token), "details[0]");
        Api.Response several = post("{\"user_id\":\"" + id + "\",\"quiz_id\":\"\",\"score\":101}", token);
        assertThat(several.json().get("errors").findValuesAsString("field")).containsExactly("quiz_id", "score");
        assertThat(countOf(user)).isZero();
    }

    @Test
    void detailsOfExactly64KiBAreStoredAndOneByteMoreIs422() {
        User user = newUser(Role.USER);
        String token = token(user);
        String wrapper = "{\"p\":\"\"}";
        String exact = "{\"p\":\"" + "x".repeat(65536 - wrapper.length()) + "\"}";
        String over = "{\"p\":\"" + "x".repeat(65537 - wrapper.length()) + "\"}";
        // Bytes, not characters: 40,000 two-byte characters are 80,000 bytes.
        String multiByte = "{\"p\":\"" + "é".repeat(40_000) + "\"}";

        Api.Response stored = post(body(user.getId(), "big", "50", exact), token);
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().get("details").get("p").asString()).hasSize(65536 - wrapper.length());
        assertField(post(body(user.getId(), "big", "50", over), token), "details");
        assertField(post(body(user.getId(), "big", "50", multiByte), token), "details");
        assertThat(countOf(user)).isEqualTo(1);
    }

    @Test
    void listIsNewestFirstWithTiesBrokenByIdAndPages() {
        User user = newUser(Role.USER);
        String token = token(user);
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            post(body(user.getId(), "q" + i, "50", null), token);
        }
        // Two results in the same microsecond, later than the rest: the higher id comes first.
        Instant tie = clock.instant().plusSeconds(10);
        insert(user, UUID.fromString("00000000-0000-4000-8000-00000000000a"), "tieA", tie);
        insert(user, UUID.fromString("00000000-0000-4000-8000-00000000000b"), "tieB", tie);

        assertThat(quizIds(list(user, ""))).containsExactly("tieB", "tieA", "q3", "q2", "q1");
        assertThat(quizIds(list(user, "?limit=2&offset=1"))).containsExactly("tieA", "q3");
        assertThat(quizIds(list(user, "?offset=5"))).isEmpty();
        assertThat(quizIds(list(user, "?quiz_id=q2"))).containsExactly("q2");
        for (String bad : List.of("?limit=0", "?limit=1001", "?offset=-1", "?limit=abc")) {
            assertThat(api().get("/quiz/results/user/" + user.getId() + bad, token)
                            .status())
                    .as(bad)
                    .isEqualTo(422);
        }
    }

    @Test
    void listAnswersAtMost50ByDefaultAndUpTo1000OnRequest() {
        User user = newUser(Role.USER);
        Instant start = Instant.parse("2026-01-20T10:15:30.123456Z");
        for (int i = 0; i < 60; i++) {
            insert(user, UUID.randomUUID(), "q" + i, start.plusSeconds(i));
        }

        List<JsonNode> page = list(user, "");
        assertThat(page).hasSize(50);
        assertThat(page.get(0).get("quiz_id").asString()).isEqualTo("q59");
        assertThat(list(user, "?limit=1000")).hasSize(60);
    }

    @Test
    void statsGiveCountAverageBestAndTheLastResult() {
        User user = newUser(Role.USER);
        String token = token(user);
        for (String score : List.of("80", "95.5", "60")) {
            clock.advance(Duration.ofSeconds(1));
            post(body(user.getId(), "exam", score, DETAILS), token);
        }
        clock.advance(Duration.ofSeconds(1));
        JsonNode last = post(body(user.getId(), "other", "100", null), token).json();

        JsonNode stats = stats(user, "");
        assertThat(stats.propertyNames()).containsExactly("count", "average", "best", "last");
        assertThat(stats.get("count").asLong()).isEqualTo(4);
        assertThat(stats.get("average").asDouble()).isEqualTo((80 + 95.5 + 60 + 100) / 4);
        assertThat(stats.get("best").asDouble()).isEqualTo(100.0);
        assertThat(stats.get("last")).isEqualTo(last);

        JsonNode exam = stats(user, "?quiz_id=exam");
        assertThat(exam.get("count").asLong()).isEqualTo(3);
        assertThat(exam.get("average").asDouble()).isEqualTo((80 + 95.5 + 60) / 3);
        assertThat(exam.get("best").asDouble()).isEqualTo(95.5);
        assertThat(exam.get("last").get("score").asDouble()).isEqualTo(60.0);
    }

    @Test
    void statsOfAUserWithoutResultsAreCountZeroAndNulls() {
        User user = newUser(Role.USER);

        Api.Response r = api().get("/quiz/results/user/" + user.getId() + "/stats", token(user));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"count\":0,\"average\":null,\"best\":null,\"last\":null}");
        assertThat(list(user, "")).isEmpty();
    }

    @Test
    void unknownUserIs404OnEveryQuizEndpoint() {
        String admin = token(newUser(Role.ADMIN));
        UUID ghost = UUID.randomUUID();

        for (Api.Response r : List.of(
                post(body(ghost, "q", "50", null), admin),
                api().get("/quiz/results/user/" + ghost, admin),
                api().get("/quiz/results/user/" + ghost + "/stats", admin))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.detail()).isEqualTo("User not found");
        }
    }

    @Test
    void aPathIdThatIsNotAUuidIs422() {
        String admin = token(newUser(Role.ADMIN));

        assertField(api().get("/quiz/results/user/tmp", admin), "user_id");
        assertField(api().get("/quiz/results/user/tmp/stats", admin), "user_id");
    }

    private Api.Response post(String body, String token) {
        return api().postJson("/quiz/results", body, token);
    }

    private List<JsonNode> list(User user, String query) {
        Api.Response r = api().get("/quiz/results/user/" + user.getId() + query, token(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private JsonNode stats(User user, String query) {
        Api.Response r = api().get("/quiz/results/user/" + user.getId() + "/stats" + query, token(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void insert(User user, UUID id, String quizId, Instant createdAt) {
        jdbc.sql("INSERT INTO quiz_results (id, user_id, quiz_id, score, created_at) VALUES (:id, :u, :q, 50, :t)")
                .param("id", id)
                .param("u", user.getId())
                .param("q", quizId)
                .param("t", createdAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    private int countOf(User user) {
        return jdbc.sql("SELECT count(*) FROM quiz_results WHERE user_id = :u")
                .param("u", user.getId())
                .query(Integer.class)
                .single();
    }

    private String token(User user) {
        return api().token(user.getUsername(), PASSWORD);
    }

    private static List<String> quizIds(List<JsonNode> results) {
        return results.stream().map(r -> r.get("quiz_id").asString()).toList();
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    static String body(UUID userId, String quizId, String score, String details) {
        return "{\"user_id\":\"" + userId + "\",\"quiz_id\":\"" + quizId + "\",\"score\":" + score + ",\"details\":"
                + (details == null ? "null" : details) + "}";
    }
}
