package org.llmtutor.userservice.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtutor.userservice.settings.SettingsTest.FULL;

import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/** The settings paths on an instance started with the Python-era switch on (SettingsTest has the rest). */
class SettingsLegacySwitchIT extends IntegrationTest {

    @Test
    void withTheLegacySwitchOnTheCatalogStillNeedsACredentialWhileTheUiPathsDoNot() {
        User user = newUser(Role.USER);
        try (AppInstance legacy = AppInstance.start(AppInstance.onDatabase(
                TestDatabase.url(),
                "app.access.legacy-unauthenticated-access=true",
                "app.access.legacy-trusted-networks=127.0.0.0/8"))) {
            assertThat(legacy.api().get("/settings/catalog", null).status()).isEqualTo(401);
            assertThat(legacy.api().get("/settings/catalog/", null).status()).isEqualTo(401);
            assertThat(legacy.api()
                            .postJson("/settings/" + user.getId(), FULL, null)
                            .status())
                    .isEqualTo(200);
            assertThat(legacy.api().get("/settings/" + user.getId(), null).body())
                    .isEqualTo(FULL);
        }
    }
}
