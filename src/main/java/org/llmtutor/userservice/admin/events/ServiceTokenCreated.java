package org.llmtutor.userservice.admin.events;

import java.util.Set;
import org.llmtutor.userservice.auth.credential.Scope;

/** A service credential was created for the named service. */
public record ServiceTokenCreated(String name, Set<Scope> scopes) {

    public ServiceTokenCreated {
        scopes = Set.copyOf(scopes);
    }
}
