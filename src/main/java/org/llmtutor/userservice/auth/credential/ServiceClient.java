package org.llmtutor.userservice.auth.credential;

import java.util.Set;
import java.util.UUID;

/** An internal service calling with its service credential: the principal of such requests. */
public record ServiceClient(UUID credentialId, String name, Set<Scope> scopes) {}
