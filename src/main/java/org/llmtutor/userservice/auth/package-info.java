/**
 * Who is calling and what they may do: login with its throttle and admission queue, access and refresh tokens and
 * their revocation, service credentials, the security chain with the legacy switch, and {@code /auth/*}. Offers the
 * feature modules the caller ({@code Caller}, {@code CurrentUser}) and {@code AccessGuard}, which answers 404 rather than
 * 403 for another user's data; offers the admin CLI the named interfaces {@code credential}, {@code login-locks} and
 * {@code revocation}, and the profile module {@code user-state}, the cached user row behind a token. Publishes what
 * happened (logins, logouts, refresh reuse, password changes) as the named interface {@code events}; it calls neither
 * the audit log nor a metrics class.
 */
@ApplicationModule(
        allowedDependencies = {
            "user",
            "database", // EmbeddedDatabase: single-instance shortcuts on the embedded database
            "web", // ClientAddresses: the client a login is throttled for
            "web :: problem", // the security chain's refusals are problem documents like every other error
            "runtime :: health" // LegacyAccess implements what /health reports about the legacy switch
        })
package org.llmtutor.userservice.auth;

import org.springframework.modulith.ApplicationModule;
