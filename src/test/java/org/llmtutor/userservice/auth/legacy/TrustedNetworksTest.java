package org.llmtutor.userservice.auth.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedNetworksTest {

    @Test
    void peerInsideACidrBlockOrEqualToASingleAddressIsTrusted() {
        TrustedNetworks networks = TrustedNetworks.parse(List.of("172.28.1.0/24", "10.0.0.7", "fd00::/8"));

        assertThat(networks.contains("172.28.1.200")).isTrue();
        assertThat(networks.contains("10.0.0.7")).isTrue();
        assertThat(networks.contains("fd12:3456::1")).isTrue();
        assertThat(networks.contains("172.28.0.1"))
                .as("the network's gateway, outside the ip range")
                .isFalse();
        assertThat(networks.contains("10.0.0.8")).isFalse();
        assertThat(networks.contains("127.0.0.1")).isFalse();
    }

    @Test
    void addressesOfTheOtherFamilyNeverMatch() {
        assertThat(TrustedNetworks.parse(List.of("127.0.0.0/8")).contains("7f00::1"))
                .isFalse();
        assertThat(TrustedNetworks.parse(List.of("::1/128")).contains("127.0.0.1"))
                .isFalse();
        assertThat(TrustedNetworks.parse(List.of("::1")).contains("0:0:0:0:0:0:0:1"))
                .isTrue();
    }

    @Test
    void aPeerThatIsNoLiteralAddressIsNeverTrusted() {
        TrustedNetworks networks = TrustedNetworks.parse(List.of("0.0.0.0/0"));

        assertThat(networks.contains("localhost")).isFalse();
        assertThat(networks.contains(null)).isFalse();
        assertThat(networks.contains("10.0.0.1/8")).isFalse();
        assertThat(networks.contains("192.0.2.1")).isTrue();
    }

    @Test
    void hostNamesAndMalformedBlocksAreRefusedNamingTheVariable() {
        for (String bad :
                List.of("localhost", "web_ui_network", "10.0.0.0/33", "10.0.0.0/", "300.1.1.1/8", "::1/129")) {
            assertThatThrownBy(() -> TrustedNetworks.parse(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("LEGACY_TRUSTED_NETWORKS: '" + bad + "'");
        }
    }
}
