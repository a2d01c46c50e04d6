package org.llmtutor.userservice.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyNamingStrategies;

/** Turns every exception that reaches Spring MVC into a JSON body with a string {@code detail}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    static ResponseEntity<ErrorResponse> api(ApiException e) {
        return ResponseEntity.status(e.status()).headers(e.headers()).body(e.body());
    }

    /** 429 (the caller's allowance is taken, e.g. logins in flight) or 503 (saturated), both with Retry-After. */
    @ExceptionHandler(RetryLaterException.class)
    static ResponseEntity<ErrorResponse> retryLater(RetryLaterException e) {
        HttpStatus status = e.reason() == RetryLaterException.Reason.THROTTLED
                ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.SERVICE_UNAVAILABLE;
        return retryLater(status, e.getMessage(), e.retryAfter());
    }

    private static ResponseEntity<ErrorResponse> retryLater(HttpStatus status, String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new ErrorResponse(detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == UUID.class ? "must be a UUID" : "has the wrong type";
        return validation(List.of(new ErrorResponse.FieldProblem(e.getName(), expected)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorResponse> constraintViolation(ConstraintViolationException e) {
        return validation(e.getConstraintViolations().stream()
                .map(v -> new ErrorResponse.FieldProblem(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    /**
     * The rest of an oversized body is never read, so the connection cannot carry another request; saying so keeps a
     * keep-alive client from sending its next request into a socket the server is about to close.
     */
    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ErrorResponse> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .header(HttpHeaders.CONNECTION, "close")
                .body(new ErrorResponse(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        // The class and message only: stack traces and SQL stay out of default logs (DEBUG shows the trace).
        log.error("Unexpected error {}: {}", reference, e.getClass().getName());
        log.debug("Unexpected error {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ErrorResponse("Internal server error (reference " + reference + ")"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(fieldProblems(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErrorResponse.FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new ErrorResponse.FieldProblem(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return asObject(validation(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(List.of(new ErrorResponse.FieldProblem(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return asObject(tooLarge(tooLarge));
        }
        DatabindException binding = causeOfType(e, DatabindException.class);
        if (binding != null && !binding.getPath().isEmpty()) {
            String field = binding.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return asObject(validation(List.of(new ErrorResponse.FieldProblem(field, "has the wrong type"))));
        }
        String detail = causeOfType(e, JacksonException.class) != null
                ? "Request body is not valid JSON"
                : "Request body is missing or unreadable";
        return asObject(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ErrorResponse(detail, List.of(new ErrorResponse.FieldProblem("body", detail)))));
    }

    /** Spring's own exceptions (404, 405, 406, 415, ...) keep their status; only the body is made ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String detail = known != null ? known.getReasonPhrase() : "Error " + status.value();
        return new ResponseEntity<>(new ErrorResponse(detail), headers, status);
    }

    static ResponseEntity<ErrorResponse> validation(List<ErrorResponse.FieldProblem> problems) {
        return api(ApiException.validation(problems));
    }

    private static List<ErrorResponse.FieldProblem> fieldProblems(BindingResult result) {
        Class<?> type = result.getTarget() == null ? null : result.getTarget().getClass();
        return result.getFieldErrors().stream()
                .map(err -> new ErrorResponse.FieldProblem(jsonName(type, err.getField()), err.getDefaultMessage()))
                .toList();
    }

    /**
     * Bean Validation names Java properties; clients know the JSON names ({@code user_id}, not {@code userId}): the
     * naming strategy's, or the {@code @JsonProperty} exception's.
     */
    private static String jsonName(Class<?> type, String field) {
        if (type == null) {
            return field;
        }
        try {
            JsonProperty json = type.getDeclaredField(field).getAnnotation(JsonProperty.class);
            if (json == null && type.isRecord()) {
                json = type.getDeclaredMethod(field).getAnnotation(JsonProperty.class);
            }
            return json != null && !json.value().isEmpty()
                    ? json.value()
                    : PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, field);
        } catch (NoSuchFieldException | NoSuchMethodException e) {
            return field;
        }
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<?> response) {
        return (ResponseEntity) response;
    }
}
