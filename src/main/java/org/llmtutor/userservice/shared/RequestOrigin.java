package org.llmtutor.userservice.shared;

/**
 * Where a request came from, as the web layer tells the services that record it (login throttling, login sessions, the
 * audit log): the client's address (see {@link ClientAddresses}, at most 64 characters) and its User-Agent, cut here to
 * the 500 characters every table that stores it keeps. {@link #NONE} for work no request asked for, such as the admin
 * CLI.
 */
public record RequestOrigin(String address, String userAgent) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null);

    static final int MAX_USER_AGENT = 500;

    public RequestOrigin {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
