package org.llmtutor.userservice.auth;

import jakarta.validation.constraints.AssertTrue;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param legacyUnauthenticatedAccess the migration switch: lets the Python-era data paths answer callers that send no
 *     credential at all, as the Python service did, while the Web UI backend is moved to a credential. Off by default;
 *     logged as a warning and reported on {@code /health} when on.
 * @param legacyTrustedNetworks where such callers may come from ({@code LEGACY_TRUSTED_NETWORKS}, CIDR blocks or single
 *     addresses): the switch opens nothing to a peer outside them. Required when the switch is on.
 */
@ConfigurationProperties("app.access")
public record AccessProperties(boolean legacyUnauthenticatedAccess, List<String> legacyTrustedNetworks) {

    public AccessProperties {
        legacyTrustedNetworks = legacyTrustedNetworks == null
                ? List.of()
                : legacyTrustedNetworks.stream()
                        .map(String::strip)
                        .filter(network -> !network.isEmpty())
                        .toList();
    }

    @AssertTrue(
            message = "LEGACY_UNAUTHENTICATED_ACCESS is on but LEGACY_TRUSTED_NETWORKS is not set. Set"
                    + " LEGACY_TRUSTED_NETWORKS to the networks the Web UI backend calls from (CIDR, comma-separated,"
                    + " e.g. 172.28.1.0/24), or turn the switch off.")
    boolean isSwitchConfinedToTrustedNetworks() {
        return !legacyUnauthenticatedAccess || !legacyTrustedNetworks.isEmpty();
    }
}
