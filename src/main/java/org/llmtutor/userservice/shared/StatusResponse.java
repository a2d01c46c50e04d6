package org.llmtutor.userservice.shared;

/** The Python service's acknowledgement body, {@code {"status":"success"}}, which the Web UI checks for. */
public record StatusResponse(String status) {

    public static final StatusResponse SUCCESS = new StatusResponse("success");
}
