package org.llmtutor.userservice.runtime;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * What {@code /health} shows about a switch that lets callers in without a credential, so that nobody forgets it is
 * on. Declared here, where {@code /health} is answered, and implemented by the module that owns the switch (auth's
 * legacy access), so that this module knows nothing of auth.
 */
@NamedInterface("health")
public interface LegacyAccessReport {

    boolean enabled();

    List<String> trustedNetworks();
}
