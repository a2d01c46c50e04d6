package org.llmtutor.userservice.common;

/**
 * Where a request came from, as the web layer tells the services that record it (login throttling, the audit log):
 * the client's address (see {@link ClientAddresses}) and its User-Agent. {@link #NONE} for work no request asked for,
 * such as the admin CLI.
 */
public record RequestOrigin(String address, String userAgent) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null);
}
