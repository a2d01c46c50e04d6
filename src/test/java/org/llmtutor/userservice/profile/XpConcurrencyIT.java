package org.llmtutor.userservice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/** add_xp loses nothing under concurrency across two application instances sharing one database. */
class XpConcurrencyIT extends TwoInstanceIT {

    @Test
    void twoHundredParallelAddsThroughTwoInstancesSumExactlyAndEachSeesItsOwnResult() throws Exception {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        int calls = 200;

        long started = System.nanoTime();
        List<Api.Response> responses = throughBothInstances(
                calls,
                (api, i) ->
                        api.postJson("/profile/" + user.getId() + "/add_xp", "{\"amount\":" + (i + 1) + "}", token));
        long millis = (System.nanoTime() - started) / 1_000_000;

        int expected = calls * (calls + 1) / 2;
        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        List<Integer> newXp =
                responses.stream().map(r -> r.json().get("new_xp").asInt()).toList();
        // Every add ran alone on the row, so each saw a different total and the last one saw them all.
        assertThat(new HashSet<>(newXp)).hasSize(calls);
        assertThat(newXp).contains(expected).allSatisfy(x -> assertThat(x).isBetween(1, expected));
        assertThat(jdbc.sql("SELECT xp FROM users WHERE id = :id")
                        .param("id", user.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(expected);
        System.out.printf("%d parallel add_xp calls through two instances: %d ms%n", calls, millis);
    }
}
