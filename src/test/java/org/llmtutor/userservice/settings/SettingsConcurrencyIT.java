package org.llmtutor.userservice.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/** Parallel writes to one user's settings, through two instances on one database, never mix sets nor fail. */
class SettingsConcurrencyIT extends TwoInstanceIT {

    private static final Pattern MARKERS = Pattern.compile("set-(\\d+)");

    @Test
    void twentyParallelReplacesThroughTwoInstancesEndInOneCompleteSet() throws Exception {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        List<Integer> statuses = throughBothInstances(
                20,
                (api, i) -> api.postJson("/settings/" + user.getId(), completeSet(i), token)
                        .status());

        assertThat(statuses).containsOnly(200);
        assertOneCompleteSet(user, token);
    }

    @Test
    void readsDuringParallelReplacesAlwaysSeeOneCompleteSet() throws Exception {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        api().postJson("/settings/" + user.getId(), completeSet(999), token);

        List<String> reads = new ArrayList<>();
        List<Integer> statuses = throughBothInstances(40, (api, i) -> {
            if (i % 2 == 0) {
                return api.postJson("/settings/" + user.getId(), completeSet(i), token)
                        .status();
            }
            Api.Response r = api.get("/settings/" + user.getId(), token);
            synchronized (reads) {
                reads.add(r.body());
            }
            return r.status();
        });

        assertThat(statuses).containsOnly(200);
        for (String body : reads) {
            List<String> markers = markers(body);
            assertThat(markers).as(body).hasSize(4);
            assertThat(markers).as(body).containsOnly(markers.get(0));
        }
    }

    @Test
    void parallelReplacesAndMergesNeverLeaveAMixedSet() throws Exception {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        List<Integer> statuses = throughBothInstances(20, (api, i) -> {
            String path = "/settings/" + user.getId();
            return i % 4 == 0
                    ? api.method("PATCH", path, "application/json", "{\"rag\":null}", token)
                            .status()
                    : api.postJson(path, completeSet(i), token).status();
        });

        assertThat(statuses).containsOnly(200);
        String body = api().get("/settings/" + user.getId(), token).body();
        List<String> markers = markers(body);
        assertThat(markers).as(body).hasSizeBetween(3, 4);
        assertThat(markers)
                .as("agent, quiz and identity come from one replace: %s", body)
                .containsOnly(markers.get(0));
    }

    @Test
    void twentyParallelFirstWritesOfTheSameServiceStoreExactlyOneRow() throws Exception {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        List<Integer> statuses = throughBothInstances(
                20,
                (api, i) -> api.method(
                                "PATCH",
                                "/settings/" + user.getId(),
                                "application/json",
                                "{\"agent\":{\"provider\":\"zai\",\"model\":\"set-" + i + "\"},\"identityId\":\"set-"
                                        + i + "\"}",
                                token)
                        .status());

        assertThat(statuses).containsOnly(200);
        assertThat(rows("SELECT count(*) FROM user_settings WHERE user_id = :u", user))
                .isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM user_settings_identity WHERE user_id = :u", user))
                .isEqualTo(1);
        List<String> markers =
                markers(api().get("/settings/" + user.getId(), token).body());
        assertThat(markers).hasSize(2);
        assertThat(markers).as("model and identity from the same request").containsOnly(markers.get(0));
    }

    private void assertOneCompleteSet(User user, String token) {
        String body = api().get("/settings/" + user.getId(), token).body();
        List<String> markers = markers(body);
        assertThat(markers).as(body).hasSize(4);
        assertThat(markers).as(body).containsOnly(markers.get(0));
        assertThat(rows("SELECT count(*) FROM user_settings WHERE user_id = :u", user))
                .isEqualTo(3);
    }

    private int rows(String sql, User user) {
        return jdbc.sql(sql).param("u", user.getId()).query(Integer.class).single();
    }

    /** A complete set whose every value carries the number of the request that wrote it. */
    private static String completeSet(int i) {
        return "{\"agent\":{\"provider\":\"zai\",\"model\":\"set-" + i + "\"},"
                + "\"rag\":{\"provider\":\"openai\",\"model\":\"set-" + i + "\"},"
                + "\"quiz\":{\"provider\":\"mistral\",\"model\":\"set-" + i + "\"},\"identityId\":\"set-" + i + "\"}";
    }

    private static List<String> markers(String body) {
        List<String> found = new ArrayList<>();
        Matcher m = MARKERS.matcher(body);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
