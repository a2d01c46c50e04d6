package org.llmtutor.userservice.auth.token.jwt;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A signed, unexpired JWT is an access token of this platform only with a {@code token_type} of {@code access} and
 * the claims the service relies on, well formed (see {@link AccessToken#of}). Tokens without a type were issued by the
 * Python service (same secret, same claims) and still count as access tokens until they expire, so nobody is logged
 * out by the switch; a refresh-typed or otherwise typed token never does.
 */
public final class AccessTokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult NOT_AN_ACCESS_TOKEN = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Not an access token of this platform", null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object type = jwt.getClaims().get(AccessToken.CLAIM_TOKEN_TYPE);
        if (type != null && !AccessToken.TYPE_ACCESS.equals(type)) {
            return NOT_AN_ACCESS_TOKEN;
        }
        try {
            AccessToken.of(jwt);
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException | ClassCastException malformed) {
            return NOT_AN_ACCESS_TOKEN;
        }
    }
}
