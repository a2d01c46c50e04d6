package org.llmtutor.userservice.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.springframework.beans.factory.annotation.Autowired;

class TokenHousekeepingTest extends IntegrationTest {

    @Autowired
    TokenHousekeeping housekeeping;

    @Test
    void expiredRevocationsAndIdleLoginAttemptsAreForgottenButLocksAreKept() {
        User user = newUser(Role.USER);
        String token = api().token(user.getUsername(), PASSWORD);
        api().method("POST", "/auth/logout", null, null, token);
        String idle = uniqueName("idle");
        api().login(idle, "wrong");
        String locked = uniqueName("locked");
        for (int i = 0; i < 5; i++) {
            api().login(locked, "wrong");
        }
        clock.advance(Duration.ofMinutes(10080).plusMinutes(1));
        // Keep the lock running past the idle cutoff: it must survive the purge.
        jdbc.sql("UPDATE login_attempts SET locked_until = :until WHERE username = :u")
                .param("until", clock.instant().plus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC))
                .param("u", locked)
                .update();

        housekeeping.purge();

        assertThat(count("SELECT count(*) FROM revoked_access_tokens WHERE user_id = '" + user.getId() + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM login_attempts WHERE username = '" + idle + "'"))
                .isZero();
        // Both of its records stay: the username-wide one and the client's.
        assertThat(count("SELECT count(*) FROM login_attempts WHERE username = '" + locked + "'"))
                .isEqualTo(2);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
