package org.llmtutor.userservice.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every error body: a human-readable {@code detail}, and for validation errors (422) the bad fields. This is the
 * shape the Python (FastAPI) service answered and the Web UI reads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
        @Schema(example = "User not found") String detail,
        @Schema(description = "422 only: each bad field") List<FieldProblem> errors) {

    public ErrorResponse(String detail) {
        this(detail, null);
    }

    public record FieldProblem(String field, String message) {}
}
