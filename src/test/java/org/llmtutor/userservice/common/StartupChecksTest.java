package org.llmtutor.userservice.common;

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

    private static void assertRefuses(ThrowingCallable start, String message) {
        assertThatThrownBy(start).rootCause().hasMessageContaining(message);
    }
}
