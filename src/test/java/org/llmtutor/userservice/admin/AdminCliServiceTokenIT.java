package org.llmtutor.userservice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminCliServiceTokenIT extends AdminCliSupport {

    @Test
    void tokenIsPrintedOnceWorksWithItsScopesAndStopsWorkingWhenRevoked() {
        String name = uniqueName("agent");
        User user = newUser(Role.USER);

        Result created = cli("create_service_token", name, "sessions:read", "quiz:write");

        assertThat(created.code()).isZero();
        String token = created.out().strip();
        assertThat(token).startsWith("svc_").doesNotContain("\n");
        assertThat(created.err()).contains("shown only once");
        assertThat(api().get("/sessions/user/" + user.getId(), token).status()).isEqualTo(200);
        assertThat(api().postJson("/sessions/", "{\"user_id\":\"" + user.getId() + "\",\"session_id\":\"x\"}", token)
                        .status())
                .as("sessions:read does not write")
                .isEqualTo(404);

        Result table = cli("list_service_tokens");
        Result json = cli("list_service_tokens", "--json");
        assertThat(table.out()).containsPattern(name + " +quiz:write sessions:read +active");
        JsonNode entry = entry(json.out(), name);
        assertThat(entry.get("active").asBoolean()).isTrue();
        assertThat(entry.get("scopes").toString()).isEqualTo("[\"quiz:write\",\"sessions:read\"]");
        assertThat(table.out() + json.out()).doesNotContain(token.substring(4));

        Result duplicate = cli("create_service_token", name, "quiz:read");
        assertThat(duplicate.code()).isEqualTo(1);
        assertThat(duplicate.err()).contains("exists").hasLineCount(1);

        Result revoked = cli("revoke_service_token", name);
        assertThat(revoked.code()).isZero();
        assertThat(api().get("/sessions/user/" + user.getId(), token).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM service_credentials WHERE name = :n AND revoked_at IS NOT NULL")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(cli("revoke_service_token", name).code())
                .as("nothing left to revoke")
                .isEqualTo(1);

        var audit = jdbc.sql("SELECT event_type || ' ' || details FROM audit_events"
                        + " WHERE actor = 'cli' AND details LIKE :d ORDER BY occurred_at")
                .param("d", "service " + name + "%")
                .query(String.class)
                .list();
        assertThat(audit)
                .containsExactly(
                        "SERVICE_TOKEN_CREATED service " + name + ", scopes quiz:write sessions:read",
                        "SERVICE_TOKEN_REVOKED service " + name);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE details LIKE :t")
                        .param("t", "%" + token.substring(4, 20) + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownScopesAndMissingScopesAreRefused() {
        Result unknown = cli("create_service_token", uniqueName("svc"), "sessions:write", "everything");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown scope 'everything'").hasLineCount(1);

        assertThat(cli("create_service_token", uniqueName("svc")).code()).isEqualTo(2);
        assertThat(cli("create_service_token", "bad name!", "quiz:read").code()).isEqualTo(1);
    }

    private static JsonNode entry(String json, String name) {
        for (JsonNode node : JsonMapper.builder().build().readTree(json)) {
            if (node.get("name").asString().equals(name)) {
                return node;
            }
        }
        throw new AssertionError(name + " not listed in " + json);
    }
}
