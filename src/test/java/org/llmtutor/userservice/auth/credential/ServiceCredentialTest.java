package org.llmtutor.userservice.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

class ServiceCredentialTest extends IntegrationTest {

    @Autowired
    ServiceCredentialService credentials;

    @Test
    void tokenIsShownOnceAndStoredOnlyAsAHash() {
        var created = credentials.create(uniqueName("agent_service"), Set.of(Scope.SESSIONS_WRITE));

        assertThat(created.token()).startsWith("svc_").hasSizeGreaterThan(40);
        String stored = jdbc.sql("SELECT token_hash FROM service_credentials WHERE id = :id")
                .param("id", created.credential().getId())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).doesNotContain(created.token().substring(4));
        assertThat(jdbc.sql("SELECT count(*) FROM service_credentials WHERE token_hash LIKE :t OR scopes LIKE :t")
                        .param("t", "%" + created.token().substring(4, 20) + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void serviceWithTheWriteScopeActsForAnyUser() {
        User user = newUser(Role.USER);
        String token = credentials
                .create(uniqueName("agent"), Set.of(Scope.SESSIONS_WRITE))
                .token();

        Api.Response created = api().postJson("/sessions/", sessionBody(user, uniqueName("svc")), token);
        assertThat(created.status()).isEqualTo(200);
        assertThat(api().get("/sessions/user/" + user.getId(), token).status())
                .as("write includes read")
                .isEqualTo(200);
    }

    @Test
    void serviceWithoutTheScopeGets404() {
        User user = newUser(Role.USER);
        String readOnly = credentials
                .create(uniqueName("reader"), Set.of(Scope.SESSIONS_READ))
                .token();
        String quizOnly =
                credentials.create(uniqueName("quiz"), Set.of(Scope.QUIZ_WRITE)).token();

        assertThat(api().postJson("/sessions/", sessionBody(user, uniqueName("x")), readOnly)
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/sessions/user/" + user.getId(), readOnly).status())
                .isEqualTo(200);
        assertThat(api().get("/sessions/user/" + user.getId(), quizOnly).status())
                .isEqualTo(404);
    }

    @Test
    void serviceTokenIsNotAUserAndHasNoProfile() {
        String token = credentials
                .create(uniqueName("svc"), Set.of(Scope.PROFILE_READ))
                .token();

        assertThat(api().get("/auth/me", token).status()).isEqualTo(404);
    }

    @Test
    void revokedOrUnknownServiceTokenIs401() {
        User user = newUser(Role.USER);
        String name = uniqueName("revoked");
        String token = credentials.create(name, Set.of(Scope.SESSIONS_WRITE)).token();
        assertThat(credentials.revoke(name)).isEqualTo(1);

        assertThat(api().get("/sessions/user/" + user.getId(), token).status()).isEqualTo(401);
        assertThat(api().get("/sessions/user/" + user.getId(), "svc_unknown").status())
                .isEqualTo(401);
    }

    @Test
    void namesAndScopesAreValidated() {
        assertThatThrownBy(() -> credentials.create("bad name!", Set.of(Scope.QUIZ_READ)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> credentials.create("ok", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sessionBody(User user, String sessionId) {
        return "{\"user_id\":\"" + user.getId() + "\",\"session_id\":\"" + sessionId + "\"}";
    }
}
