package org.llmtutor.userservice.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.TwoInstanceIT;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import tools.jackson.databind.JsonNode;

/** Logout and refresh where the next request reaches the other instance (TokenLifecycleTest has the rest). */
class TokenLifecycleAcrossInstancesIT extends TwoInstanceIT {

    @Test
    void logoutEndsThisTokenOnEveryInstanceButNotOthers() {
        User user = newUser(Role.USER);
        String first = api().token(user.getUsername(), PASSWORD);
        String other = api().token(user.getUsername(), PASSWORD);

        assertThat(api().method("POST", "/auth/logout", null, null, first).body())
                .isEqualTo("{\"status\":\"success\"}");

        assertThat(api().get("/auth/me", first).status()).isEqualTo(401);
        assertThat(secondApi().get("/auth/me", first).status()).isEqualTo(401);
        assertThat(secondApi().get("/auth/me", other).status()).isEqualTo(200);
    }

    @Test
    void logoutAllEndsEveryTokenAndLoginSessionOfTheUser() {
        User user = newUser(Role.USER);
        String plain = api().token(user.getUsername(), PASSWORD);
        JsonNode pair = api().passwordGrant(user.getUsername(), PASSWORD).json();
        String fromSession = pair.get("access_token").asString();

        assertThat(secondApi()
                        .method("POST", "/auth/logout-all", null, null, plain)
                        .status())
                .isEqualTo(200);

        assertThat(api().get("/auth/me", plain).status()).isEqualTo(401);
        assertThat(api().get("/auth/me", fromSession).status()).isEqualTo(401);
        assertThat(api().refreshGrant(pair.get("refresh_token").asString()).status())
                .isEqualTo(401);
        assertThat(api().get("/auth/me", api().token(user.getUsername(), PASSWORD))
                        .status())
                .as("logging in again works")
                .isEqualTo(200);
    }

    @Test
    void reuseWithinTheGraceWindowIsTwoTabsRefreshingAtOnce() {
        User user = newUser(Role.USER);
        String first = api().passwordGrant(user.getUsername(), PASSWORD)
                .json()
                .get("refresh_token")
                .asString();
        JsonNode tabA = api().refreshGrant(first).json();
        clock.advance(Duration.ofSeconds(3));

        Api.Response tabB =
                secondApi().postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", first));
        assertThat(tabB.status()).isEqualTo(200);
        assertThat(api().refreshGrant(tabA.get("refresh_token").asString()).status())
                .isEqualTo(200);
        assertThat(api().refreshGrant(tabB.json().get("refresh_token").asString())
                        .status())
                .isEqualTo(200);
    }
}
