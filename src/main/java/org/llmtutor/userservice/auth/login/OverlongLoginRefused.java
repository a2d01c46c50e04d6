package org.llmtutor.userservice.auth.login;

import org.llmtutor.userservice.shared.RequestOrigin;

/**
 * A login with a username longer than any tracked one: answered and counted as a failed login, but neither throttled
 * nor audited, since such a name is not worth a row.
 */
record OverlongLoginRefused(RequestOrigin origin) {}
