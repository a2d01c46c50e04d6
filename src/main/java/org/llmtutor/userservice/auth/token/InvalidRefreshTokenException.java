package org.llmtutor.userservice.auth.token;

import org.llmtutor.userservice.shared.DomainException;

/** A refresh token that is unknown, expired, revoked or reused; all answer alike. */
class InvalidRefreshTokenException extends DomainException {

    InvalidRefreshTokenException(String detail) {
        super(Kind.NOT_AUTHENTICATED, detail);
    }
}
