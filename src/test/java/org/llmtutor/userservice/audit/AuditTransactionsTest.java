package org.llmtutor.userservice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.login.LoginFailedException;
import org.llmtutor.userservice.auth.login.LoginService;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log records what the modules publish in the transaction the publisher chose, or in its own. */
class AuditTransactionsTest extends IntegrationTest {

    @Autowired
    LoginService login;

    @Autowired
    TokenRevocationService revocations;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aFailedLoginIsRecordedEvenWhenATransactionAroundItRollsBack() {
        User user = newUser(Role.USER);
        RequestOrigin origin = new RequestOrigin("192.0.2.7", "audit test");

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        tx -> login.authenticate(user.getUsername(), "wrong password", origin)))
                .isInstanceOf(LoginFailedException.class);

        assertThat(rows(user)).containsExactly("LOGIN_FAILED|" + user.getUsername() + "|192.0.2.7|audit test");
    }

    @Test
    void anAuditedChangeThatRollsBackLeavesNoRow() {
        User user = newUser(Role.USER);
        CurrentUser caller = new CurrentUser(user.getId(), user.getUsername(), user.getRole());

        transactions.executeWithoutResult(tx -> {
            revocations.logoutEverywhere(caller, RequestOrigin.NONE);
            tx.setRollbackOnly();
        });
        assertThat(rows(user)).isEmpty();

        revocations.logoutEverywhere(caller, RequestOrigin.NONE);
        assertThat(rows(user)).containsExactly("LOGOUT_ALL|" + user.getUsername());
    }

    @Test
    void endingOneLoginSessionAndLoggingOutEverywhereAreRecordedInTheRevocationsTransaction() {
        User user = newUser(Role.USER);
        Api.Response pair = api().postForm(
                        "/auth/token",
                        Map.of("grant_type", "password", "username", user.getUsername(), "password", PASSWORD));
        assertThat(pair.status()).isEqualTo(200);
        String session = jdbc.sql("SELECT id::text FROM login_sessions WHERE user_id = ?")
                .param(user.getId())
                .query(String.class)
                .single();
        String token = api().token(user.getUsername(), PASSWORD);

        assertThat(api().delete("/auth/sessions/" + session, token).status()).isEqualTo(200);
        assertThat(api().method("POST", "/auth/logout-all", null, null, token).status())
                .isEqualTo(200);

        assertThat(jdbc.sql("SELECT concat_ws('|', event_type, username, actor, ip, details) FROM audit_events"
                                + " WHERE user_id = ? AND event_type IN ('LOGIN_SESSION_ENDED', 'LOGOUT_ALL')"
                                + " ORDER BY occurred_at")
                        .param(user.getId())
                        .query(String.class)
                        .list())
                .containsExactly(
                        String.join(
                                "|",
                                "LOGIN_SESSION_ENDED",
                                user.getUsername(),
                                user.getUsername(),
                                "127.0.0.1",
                                "session " + session),
                        String.join("|", "LOGOUT_ALL", user.getUsername(), user.getUsername(), "127.0.0.1"));
    }

    private List<String> rows(User user) {
        return jdbc.sql("SELECT concat_ws('|', event_type, actor, ip, user_agent) FROM audit_events"
                        + " WHERE user_id = ? ORDER BY occurred_at")
                .param(user.getId())
                .query(String.class)
                .list();
    }
}
