package org.llmtutor.userservice.auth.legacy;

import java.util.Locale;
import org.llmtutor.userservice.auth.AccessProperties;
import org.llmtutor.userservice.shared.RefusedSettingException;
import org.llmtutor.userservice.shared.SettingsCheck;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses a legacy switch that could not be confined to its networks: an entry of {@code LEGACY_TRUSTED_NETWORKS} that
 * is no address or CIDR block, or forwarded headers deciding the peer address. Made before the data source.
 */
@Component
class LegacySwitchCheck implements SettingsCheck {

    LegacySwitchCheck(AccessProperties properties, Environment environment) {
        if (properties.legacyUnauthenticatedAccess()) {
            TrustedNetworks.parse(properties.legacyTrustedNetworks());
            refuseHeaderDecidedPeers(environment);
        }
    }

    /**
     * Behind a proxy whose forwarded headers Spring Boot applies, the servlet's remote address is taken from a header.
     * The trusted-network check must see the connection's peer, so that combination does not start.
     */
    private static void refuseHeaderDecidedPeers(Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy");
        CloudPlatform platform = CloudPlatform.getActive(environment);
        boolean headersDecide = strategy == null
                ? platform != null && platform.isUsingForwardHeaders()
                : !strategy.strip().toLowerCase(Locale.ROOT).equals("none");
        if (headersDecide) {
            throw new RefusedSettingException("LEGACY_UNAUTHENTICATED_ACCESS with LEGACY_TRUSTED_NETWORKS decides by"
                    + " the connection's peer address, but forwarded headers would replace it (server.forward-headers-"
                    + "strategy=" + (strategy == null ? "auto on " + platform : strategy) + "). Set"
                    + " SERVER_FORWARD_HEADERS_STRATEGY=none, or turn the switch off.");
        }
    }
}
