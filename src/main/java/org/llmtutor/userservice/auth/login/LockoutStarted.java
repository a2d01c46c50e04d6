package org.llmtutor.userservice.auth.login;

/**
 * A wrong password (at login or in a password change) locked the username, for everyone or for one client. Published
 * in the throttle's transaction, so it counts only once the lock is stored.
 */
record LockoutStarted(String username, String client) {}
