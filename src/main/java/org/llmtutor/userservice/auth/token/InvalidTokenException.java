package org.llmtutor.userservice.auth.token;

/** A bearer token that is not a valid, unexpired, HS256-signed access token of this platform. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
