package org.llmtutor.userservice.web.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.llmtutor.userservice.database.DatabaseOutage;
import org.llmtutor.userservice.shared.DomainException;
import org.llmtutor.userservice.shared.FieldProblem;
import org.llmtutor.userservice.shared.InvalidInputException;
import org.llmtutor.userservice.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * The one place exceptions become HTTP answers: the domain's failures by their {@link DomainException.Kind}, Spring's
 * own by their status, a database that is away as 503, anything else as 500 with a reference. Every answer is a
 * problem document made by {@link ProblemRenderer}. Exceptions raised in filters and on the error page come here too.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    private final ProblemRenderer problems;
    private final DatabaseOutage outage;

    GlobalExceptionHandler(ProblemRenderer problems, DatabaseOutage outage) {
        this.problems = problems;
        this.outage = outage;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds(e.retryAfter()));
        }
        HttpStatus status = switch (e.kind()) {
            case REJECTED -> HttpStatus.BAD_REQUEST;
            case NOT_AUTHENTICATED -> {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                yield HttpStatus.UNAUTHORIZED;
            }
            case REFUSED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (e instanceof InvalidInputException invalid) {
            return problems.entity(problems.invalid(e.getMessage(), invalid.problems()), headers);
        }
        return problems.entity(problems.problem(status, e.getMessage()), headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == UUID.class ? "must be a UUID" : "has the wrong type";
        return domain(InvalidInputException.of(e.getName(), expected));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return domain(InvalidInputException.of(e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList()));
    }

    /**
     * The rest of an oversized body is never read, so the connection cannot carry another request; saying so keeps a
     * keep-alive client from sending its next request into a socket the server is about to close.
     */
    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONNECTION, "close");
        return problems.entity(problems.problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()), headers);
    }

    /** Tomcat could not parse the form or query string: too large (413), or not valid percent-encoded UTF-8 (400). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unparsableParameters(InvalidParameterException e) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return tooLarge(new PayloadTooLargeException("The form is larger than the server accepts"));
        }
        return problems.entity(
                problems.problem(
                        HttpStatus.BAD_REQUEST,
                        "The query string or form is not valid: it must be percent-encoded UTF-8"),
                HttpHeaders.EMPTY);
    }

    /** A multipart body that ends early, lacks its closing boundary or breaks the part limits. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e) {
        return problems.entity(
                problems.problem(HttpStatus.BAD_REQUEST, "The multipart body is malformed or incomplete"),
                HttpHeaders.EMPTY);
    }

    /** Spring Security's firewall refused the request (a NUL or an encoded separator where none may be). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return problems.entity(
                problems.problem(HttpStatus.BAD_REQUEST, "The request was rejected as malformed"), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (outage.explains(e)) {
            outage.refused(e);
            return domain(outage.unavailable());
        }
        if (DatabaseOutage.isTimeout(e)) {
            return domain(outage.unavailable());
        }
        String reference = RequestIdFilter.currentId(request);
        if (reference == null) {
            reference = UUID.randomUUID().toString();
        }
        // The classes only: stack traces and SQL stay out of default logs (DEBUG shows the trace).
        log.error("Unexpected error (reference {}): {}", reference, causes(e));
        log.debug("Unexpected error (reference {})", reference, e);
        ProblemDetail problem = problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error (reference " + reference + ")");
        problem.setProperty(ProblemRenderer.REFERENCE, reference);
        return problems.entity(problem, HttpHeaders.EMPTY);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return domain(InvalidInputException.of(fieldProblems(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> found = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err ->
                                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return domain(InvalidInputException.of(found));
    }

    /** A parameter that cannot be made the type the operation takes, such as a file part where text is expected. */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(
            ConversionNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentConversionNotSupportedException argument
                ? argument.getName()
                : e.getPropertyName() != null ? e.getPropertyName() : "body";
        return domain(InvalidInputException.of(field, "has the wrong type"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return domain(InvalidInputException.of(e.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        DatabindException binding = causeOfType(e, DatabindException.class);
        if (binding != null && !binding.getPath().isEmpty()) {
            String field = binding.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return domain(InvalidInputException.of(field, "has the wrong type"));
        }
        String detail = causeOfType(e, JacksonException.class) != null
                ? "Request body is not valid JSON"
                : "Request body is missing or unreadable";
        return problems.entity(problems.invalid(detail, List.of(new FieldProblem("body", detail))), HttpHeaders.EMPTY);
    }

    /** Spring's own exceptions (404, 405, 406, 415, ...) keep their status and headers; the body is the problem. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problems.entity(problems.problem(status), headers);
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        Class<?> type = result.getTarget() == null ? null : result.getTarget().getClass();
        return result.getFieldErrors().stream()
                .map(err -> new FieldProblem(jsonName(type, err.getField()), err.getDefaultMessage()))
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

    /** The exception's class and those of its causes, outermost first. */
    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            chain.append(" <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }

    private static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
