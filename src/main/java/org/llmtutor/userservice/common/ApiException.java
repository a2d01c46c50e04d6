package org.llmtutor.userservice.common;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** An expected failure that answers with its status and a {@code detail} meant for the client. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient HttpHeaders headers;
    private final transient List<ErrorResponse.FieldProblem> errors;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, HttpHeaders.EMPTY, null);
    }

    public ApiException(
            HttpStatus status, String detail, HttpHeaders headers, List<ErrorResponse.FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
        this.errors = errors;
    }

    /** The 404 for a user who does not exist or whom the caller may not see: the two answer alike (contract part B). */
    public static ApiException userNotFound() {
        return notFound("User not found");
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException invalid(String field, String message) {
        return validation(List.of(new ErrorResponse.FieldProblem(field, message)));
    }

    /** A 422 naming each bad field, in field order, with a detail that reads on its own. */
    public static ApiException validation(List<ErrorResponse.FieldProblem> problems) {
        List<ErrorResponse.FieldProblem> sorted = problems.stream()
                .sorted(Comparator.comparing(ErrorResponse.FieldProblem::field))
                .toList();
        String detail = sorted.isEmpty()
                ? "Validation failed"
                : "Validation failed: "
                        + sorted.stream()
                                .map(p -> p.field() + " " + p.message())
                                .collect(Collectors.joining("; "));
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, detail, HttpHeaders.EMPTY, sorted);
    }

    public HttpStatus status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public ErrorResponse body() {
        return new ErrorResponse(getMessage(), errors);
    }
}
