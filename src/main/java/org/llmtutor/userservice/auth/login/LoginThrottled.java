package org.llmtutor.userservice.auth.login;

/**
 * A login got 429: checks still running held the username's allowance for longer than the admission wait. Only
 * counted; not audited, as no password was checked and the username is not locked.
 */
record LoginThrottled(String username, String client) {}
