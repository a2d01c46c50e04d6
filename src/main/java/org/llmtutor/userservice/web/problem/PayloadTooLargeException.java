package org.llmtutor.userservice.web.problem;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        this("Request body is larger than " + limit + " bytes");
    }

    public PayloadTooLargeException(String detail) {
        super(detail);
    }
}
