package org.llmtutor.userservice.common;

import java.util.List;

/**
 * What {@code /health} reports about the migration switch. Implemented by the auth module, which owns the switch, so
 * that this module does not depend on auth (auth depends on this one).
 */
public interface LegacyAccessStatus {

    boolean enabled();

    List<String> trustedNetworks();
}
