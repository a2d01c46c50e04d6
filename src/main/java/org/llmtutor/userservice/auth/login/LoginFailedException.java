package org.llmtutor.userservice.auth.login;

import org.llmtutor.userservice.shared.DomainException;

/** A wrong password, an unknown username and a disabled account look the same to the caller. */
public class LoginFailedException extends DomainException {

    LoginFailedException() {
        super(Kind.NOT_AUTHENTICATED, LoginService.BAD_CREDENTIALS);
    }
}
