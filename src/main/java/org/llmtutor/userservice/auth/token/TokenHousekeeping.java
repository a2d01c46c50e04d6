package org.llmtutor.userservice.auth.token;

import org.llmtutor.userservice.auth.login.LoginThrottle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the revocation and login-attempt tables small. Safe on several instances at once: each run only deletes what
 * is over.
 */
@Component
class TokenHousekeeping {

    private final TokenRevocationService revocations;
    private final LoginThrottle throttle;

    TokenHousekeeping(TokenRevocationService revocations, LoginThrottle throttle) {
        this.revocations = revocations;
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${app.tokens.purge-interval}", initialDelayString = "${app.tokens.purge-interval}")
    void purge() {
        revocations.purgeExpired();
        throttle.forgetIdle();
    }
}
