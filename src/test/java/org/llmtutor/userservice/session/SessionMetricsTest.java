package org.llmtutor.userservice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class SessionMetricsTest extends IntegrationTest {

    @Autowired
    ChatSessionService sessions;

    @Autowired
    ChatSessionProperties properties;

    @Autowired
    MeterRegistry registry;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void evictionsCountOnceTheirTransactionCommitsAndNotWhenItRollsBack() {
        User user = newUser(Role.USER);
        CurrentUser caller = new CurrentUser(user.getId(), user.getUsername(), user.getRole());
        for (int i = 0; i < properties.maxPerUser(); i++) {
            sessions.create(caller, user.getId(), uniqueName("s"), null);
        }
        double before = evicted();

        transactions.executeWithoutResult(tx -> {
            sessions.create(caller, user.getId(), uniqueName("s"), null);
            assertThat(evicted()).as("not before the commit").isEqualTo(before);
            tx.setRollbackOnly();
        });
        assertThat(evicted()).as("rolled back: nothing was evicted").isEqualTo(before);

        sessions.create(caller, user.getId(), uniqueName("s"), null);
        assertThat(evicted()).isEqualTo(before + 1);
    }

    private double evicted() {
        return registry.get("user_service.sessions.evicted").counter().count();
    }
}
