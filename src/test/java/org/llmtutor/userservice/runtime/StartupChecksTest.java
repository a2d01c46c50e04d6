package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;

/** Settings that cannot work stop the service at start-up with a message naming the variable. */
class StartupChecksTest {

    @TempDir
    Path dataDir;

    @Test
    void secretKeyShorterThan32BytesRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.jwt.secret=" + "k".repeat(31)),
                "SECRET_KEY is too short");
    }

    @Test
    void aTooShortSecretKeyIsNotRepeatedInTheStartUpReport() {
        String secret = "short-but-still-a-secret";
        assertThatThrownBy(() -> AppInstance.start("app.data-dir=" + dataDir, "app.jwt.secret=" + secret))
                .satisfies(e ->
                        assertThat(chain(e)).contains("SECRET_KEY is too short").doesNotContain(secret));
    }

    @Test
    void algorithmOtherThanHs256RefusesToStart() {
        assertRefuses(() -> AppInstance.start("app.data-dir=" + dataDir, "app.jwt.algorithm=HS512"), "ALGORITHM");
    }

    @Test
    void postgresWithoutSecretKeyRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start(AppInstance.onDatabase(TestDatabase.url(), "app.jwt.secret=")),
                "SECRET_KEY is not set");
    }

    @Test
    void sessionCapBelowOneRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.sessions.max-per-user=0"),
                "MAX_USER_SESSIONS must be at least 1");
    }

    @Test
    void xpPerAddBelowOneRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.profile.max-xp-per-add=0"),
                "MAX_XP_PER_ADD must be at least 1");
    }

    @Test
    void lockDurationLongerThanTheMaximumRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start(
                        "app.data-dir=" + dataDir, "app.login.lock-duration=2h", "app.login.max-lock-duration=1h"),
                "LOGIN_LOCK_DURATION must be positive and at most LOGIN_MAX_LOCK_DURATION");
    }

    @Test
    void usernameThresholdBelowTheClientThresholdRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start(
                        "app.data-dir=" + dataDir,
                        "app.login.max-failed-attempts=5",
                        "app.login.username-max-failed-attempts=4"),
                "LOGIN_USERNAME_MAX_FAILED_ATTEMPTS must be at least LOGIN_MAX_FAILED_ATTEMPTS");
    }

    @Test
    void negativeRefreshReuseGraceRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.tokens.refresh-reuse-grace=-1s"),
                "REFRESH_REUSE_GRACE must not be negative");
    }

    @Test
    void emptyHashingMaxWaitRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.hashing.max-wait="),
                "HASHING_MAX_WAIT must be zero or positive");
    }

    @Test
    void negativeLoginQueueLengthRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.login.queue.max-length=-1"),
                "LOGIN_QUEUE_LENGTH must not be negative");
    }

    @Test
    void negativeLoginRefusalDelayRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.login.queue.refusal-delay=-1s"),
                "LOGIN_REFUSAL_DELAY must not be negative");
    }

    @Test
    void negativeOrOverlongShutdownDrainRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.shutdown.drain=-1s"),
                "SHUTDOWN_DRAIN must be zero or positive");
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.shutdown.drain=10m"),
                "SHUTDOWN_DRAIN must be at most 5m");
    }

    @Test
    void tokenStateListenUrlThatIsNotPostgresRefusesToStart() {
        assertRefuses(
                () -> AppInstance.start("app.data-dir=" + dataDir, "app.tokens.listen-url=jdbc:mysql://db/users"),
                "TOKEN_STATE_LISTEN_URL must be a jdbc:postgresql: URL");
    }

    /** The messages of the exception and all its causes: what the start-up failure report is made of. */
    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static void assertRefuses(ThrowingCallable start, String message) {
        assertThatThrownBy(start).rootCause().hasMessageContaining(message);
    }
}
