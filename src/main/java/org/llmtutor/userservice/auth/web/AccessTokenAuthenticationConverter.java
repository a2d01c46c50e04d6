package org.llmtutor.userservice.auth.web;

import java.util.List;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.token.jwt.AccessToken;
import org.llmtutor.userservice.auth.token.jwt.JjwtDecoder;
import org.llmtutor.userservice.auth.token.state.TokenStateCheck;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a decoded access token into the request's authentication: the user it still speaks for (asked of
 * {@link TokenStateCheck}) as principal, their current role as the one {@code ROLE_*} authority. Users carry no
 * {@code SCOPE_*} authorities: scopes belong to service credentials, and a {@code scope} claim in a user's token is
 * ignored.
 */
final class AccessTokenAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final TokenStateCheck tokenStates;

    AccessTokenAuthenticationConverter(TokenStateCheck tokenStates) {
        this.tokenStates = tokenStates;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CurrentUser user = tokenStates
                .callerOf(AccessToken.of(jwt))
                .orElseThrow(() -> new InvalidBearerTokenException(JjwtDecoder.INVALID));
        return new JwtAuthenticationToken(
                jwt,
                user,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }
}
