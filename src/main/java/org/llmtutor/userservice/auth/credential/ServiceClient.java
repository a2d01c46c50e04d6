package org.llmtutor.userservice.auth.credential;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.llmtutor.userservice.auth.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * An internal service calling with its service credential: the principal of such requests, an opaque-token principal
 * whose authorities are its scopes ({@code SCOPE_sessions:write}, ...).
 */
public record ServiceClient(UUID credentialId, String name, Set<Scope> scopes)
        implements Caller, OAuth2AuthenticatedPrincipal {

    public static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return scopes.stream()
                .map(scope -> new SimpleGrantedAuthority(SCOPE_AUTHORITY_PREFIX + scope.wireName()))
                .toList();
    }
}
