package org.llmtutor.userservice.auth;

/**
 * Who is calling: a user with an access token ({@link CurrentUser}) or an internal service with its credential
 * ({@code ServiceClient}). Controllers take it with {@code @AuthenticationPrincipal Caller caller}, null when the request
 * carries no credential (which the security chain allows only on open paths and, with the migration switch on, the
 * Python-era data paths), and pass it on to the services.
 */
public interface Caller {

    /** The username or the service name, as the audit log records the actor. */
    String name();
}
