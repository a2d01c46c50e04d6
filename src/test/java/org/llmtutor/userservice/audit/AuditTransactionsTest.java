package org.llmtutor.userservice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.login.LoginFailedException;
import org.llmtutor.userservice.auth.login.LoginService;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.common.RequestOrigin;
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

    private List<String> rows(User user) {
        return jdbc.sql("SELECT concat_ws('|', event_type, actor, ip, user_agent) FROM audit_events"
                        + " WHERE user_id = ? ORDER BY occurred_at")
                .param(user.getId())
                .query(String.class)
                .list();
    }
}
