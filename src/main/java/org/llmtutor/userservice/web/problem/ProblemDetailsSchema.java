package org.llmtutor.userservice.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.llmtutor.userservice.shared.FieldProblem;

/**
 * The shape of every error body, for the API document: an RFC 9457 problem ({@code application/problem+json}) whose
 * {@code detail} is always a human-readable string, as the Python (FastAPI) service answered and the Web UI reads. The
 * bodies themselves are written by {@link ProblemRenderer}. The document keeps calling it {@code ErrorResponse}, the
 * name clients' generated code may already use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ErrorResponse", description = "RFC 9457 problem details")
public record ProblemDetailsSchema(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Not Found") String title,
        @Schema(example = "404") Integer status,
        @Schema(example = "User not found") String detail,

        @Schema(example = "/profile/0b5a3e1c-7f2d-4c1e-9a8b-3d2f1e0c9b8a/xp")
        String instance,

        @Schema(description = "422 only: each bad field") List<FieldProblem> errors,

        @Schema(description = "500 only: the request id to quote when reporting it")
        String reference) {}
