/**
 * What the auth module tells the others has happened: logins, logouts, ended login sessions, a reused refresh token, a
 * changed password. Small immutable records, published where the thing happens and, when it happens in a transaction,
 * inside that transaction; the audit log records them. Never a password or a token in one.
 */
@NamedInterface("events")
package org.llmtutor.userservice.auth.events;

import org.springframework.modulith.NamedInterface;
