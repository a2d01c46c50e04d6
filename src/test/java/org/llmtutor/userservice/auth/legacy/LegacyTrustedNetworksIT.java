package org.llmtutor.userservice.auth.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.support.Api;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.TestDatabase;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;

/**
 * The legacy switch opens the Python-era paths only to credential-less callers whose connection comes from
 * LEGACY_TRUSTED_NETWORKS. The tests' client always connects from 127.0.0.1, so the two cases are two instances on the
 * same database: one trusting 127.0.0.0/8 (the caller is inside) and one trusting only 10.0.0.0/8 (it is outside).
 */
class LegacyTrustedNetworksIT extends IntegrationTest {

    private static final String SWITCH_ON = "app.access.legacy-unauthenticated-access=true";

    private static AppInstance trusting(String networks, String... more) {
        List<String> properties =
                new java.util.ArrayList<>(List.of(SWITCH_ON, "app.access.legacy-trusted-networks=" + networks));
        properties.addAll(List.of(more));
        return AppInstance.start(AppInstance.onDatabase(TestDatabase.url(), properties.toArray(String[]::new)));
    }

    @Test
    void credentialLessCallFromATrustedNetworkIsAnsweredCountedAndShownOnHealth() {
        User user = newUser(Role.USER);
        try (AppInstance app = trusting("127.0.0.0/8, fd00::/8")) {
            Api.Response settings = app.api().get("/settings/" + user.getId(), null);
            assertThat(settings.status()).isEqualTo(200);
            assertThat(settings.body()).isEqualTo("{}");

            assertThat(app.api().get("/health", null).body())
                    .isEqualTo("{\"status\":\"ok\",\"service\":\"user-service\",\"legacy_unauthenticated_access\":true,"
                            + "\"legacy_trusted_networks\":[\"127.0.0.0/8\",\"fd00::/8\"]}");
            String admin = app.api().token(newUser(Role.ADMIN).getUsername(), PASSWORD);
            assertThat(app.api().get("/actuator/prometheus", admin).body())
                    .contains("user_service_legacy_access_total{method=\"GET\",path=\"/settings/{userId}\"} 1.0")
                    .contains("user_service_legacy_access_total{method=\"POST\",path=\"/sessions\"} 0.0");
        }
    }

    @Test
    void credentialLessCallFromOutsideTheTrustedNetworksIsTheNormal401WhateverTheHeadersSay() {
        User user = newUser(Role.USER);
        try (AppInstance app = trusting("10.0.0.0/8")) {
            Api.Response plain = app.api().get("/settings/" + user.getId(), null);
            assertThat(plain.status()).isEqualTo(401);
            assertThat(plain.detail()).isEqualTo("Not authenticated");
            assertThat(plain.header("WWW-Authenticate")).isEqualTo("Bearer");

            // Headers a client can write never stand in for the connection's address.
            Api.Response forged = app.api()
                    .send(app.api()
                            .request("/settings/" + user.getId(), null)
                            .header("X-Forwarded-For", "10.1.2.3")
                            .header("Forwarded", "for=10.1.2.3")
                            .header("X-Real-IP", "10.1.2.3")
                            .GET());
            assertThat(forged.status()).isEqualTo(401);
            assertThat(app.api()
                            .postJson("/profile/" + user.getId() + "/add_xp", "{\"amount\":5}", null)
                            .status())
                    .isEqualTo(401);
            // A credential still works as with the switch off.
            String token = app.api().token(user.getUsername(), PASSWORD);
            assertThat(app.api().get("/settings/" + user.getId(), token).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aWrongCredentialFromATrustedNetworkIsStill401() {
        User user = newUser(Role.USER);
        try (AppInstance app = trusting("127.0.0.1")) {
            assertThat(app.api().get("/settings/" + user.getId(), "not-a-token").status())
                    .isEqualTo(401);
            assertThat(app.api().get("/settings/catalog", null).status()).isEqualTo(401);
        }
    }

    @Test
    void switchOnWithoutTrustedNetworksRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> AppInstance.start(AppInstance.onDatabase(TestDatabase.url(), SWITCH_ON)))
                .rootCause()
                .hasMessageContaining("LEGACY_TRUSTED_NETWORKS is not set");
    }

    @Test
    void aTrustedNetworkThatIsNoAddressRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> trusting("web_ui_backend"))
                .rootCause()
                .hasMessageContaining("LEGACY_TRUSTED_NETWORKS: 'web_ui_backend' is not an IP address or CIDR block");
    }

    @Test
    void switchOnWhereForwardedHeadersWouldDecideThePeerRefusesToStart() {
        assertThatThrownBy(() -> trusting("127.0.0.0/8", "server.forward-headers-strategy=native"))
                .rootCause()
                .hasMessageContaining("SERVER_FORWARD_HEADERS_STRATEGY=none");
    }
}
