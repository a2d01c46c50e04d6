package org.llmtutor.userservice.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/** The cap holds under concurrency across two application instances sharing one database. */
class ChatSessionRotationConcurrencyIT extends TwoInstanceIT {

    @Test
    void twoHundredParallelCreatesThroughTwoInstancesLeaveExactlyTheCap() throws Exception {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);

        List<Integer> statuses = throughBothInstances(
                200,
                (api, i) -> api.postJson(
                                "/sessions/",
                                ChatSessionTest.body(user.getId(), user.getUsername() + "_" + i, "t"),
                                token)
                        .status());

        assertThat(statuses).containsOnly(200);
        List<String> ids = jdbc.sql("SELECT id::text FROM chat_sessions WHERE user_id = :u")
                .param("u", user.getId())
                .query(String.class)
                .list();
        assertThat(ids).hasSize(10);
        assertThat(new HashSet<>(ids)).hasSize(10);
    }

    @Test
    void oneSessionIdRacedByManyUsersOnTwoInstancesGoesToExactlyOne() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            User user = newUser(Role.USER);
            users.add(user);
            tokens.add(api().token(user.getUsername(), PASSWORD));
        }
        String contested = uniqueName("contested");

        List<Integer> statuses = throughBothInstances(
                8,
                (api, i) -> api.postJson(
                                "/sessions/",
                                ChatSessionTest.body(users.get(i).getId(), contested, null),
                                tokens.get(i))
                        .status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(7);
    }
}
