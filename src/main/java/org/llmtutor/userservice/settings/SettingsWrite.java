package org.llmtutor.userservice.settings;

import java.util.Map;
import java.util.Set;

/**
 * A validated change to one user's settings.
 *
 * @param chosen the services given a model
 * @param cleared the services whose stored choice is dropped (GET then answers the default again)
 * @param replace whether every stored row not in {@code chosen} is dropped, service types unknown to this version
 *     (left by the Python service) included
 * @param identityGiven whether the identity changes at all
 * @param identityId the new identity, or null to drop it
 */
record SettingsWrite(
        Map<ServiceType, ModelChoice> chosen,
        Set<ServiceType> cleared,
        boolean replace,
        boolean identityGiven,
        String identityId) {}
