package org.llmtutor.userservice.auth.web;

import org.llmtutor.userservice.auth.credential.ServiceClient;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.auth.token.jwt.JjwtDecoder;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Service credentials ({@code svc_...}) arrive as bearer tokens too; this provider takes those (and leaves JWTs to the
 * JWT provider) and answers an opaque-token authentication whose authorities are the credential's scopes.
 */
final class ServiceCredentialAuthenticationProvider implements AuthenticationProvider {

    private final ServiceCredentialService services;

    ServiceCredentialAuthenticationProvider(ServiceCredentialService services) {
        this.services = services;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!token.startsWith(ServiceCredentialService.TOKEN_PREFIX)) {
            return null;
        }
        ServiceClient client =
                services.authenticate(token).orElseThrow(() -> new InvalidBearerTokenException(JjwtDecoder.INVALID));
        return new BearerTokenAuthentication(
                client,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, null, null),
                client.getAuthorities());
    }
}
