package org.llmtutor.userservice.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmtutor.userservice.shared.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an error body is made: an RFC 9457 problem ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, a human-readable string {@code detail} (the Web UI reads it), {@code instance}, plus
 * {@code errors} on a 422 and {@code reference} on a 500. Spring MVC's advice answers these as response entities; the
 * places before Spring MVC (filters, the security chain, Tomcat's error valve) write the same document with
 * {@link #write}.
 */
@Component
public class ProblemRenderer {

    /** RFC 9457's type for problems described by their status alone. */
    static final URI BLANK_TYPE = URI.create("about:blank");

    static final String ERRORS = "errors";
    static final String REFERENCE = "reference";

    private final JsonMapper json;

    public ProblemRenderer(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(BLANK_TYPE);
        problem.setTitle(reasonPhrase(status.value()));
        return problem;
    }

    /** A problem whose detail is the status's reason phrase, for answers that have nothing more specific to say. */
    public ProblemDetail problem(HttpStatusCode status) {
        return problem(status, reasonPhrase(status.value()));
    }

    ProblemDetail invalid(String detail, List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setProperty(ERRORS, problems);
        return problem;
    }

    /**
     * The content type is set here rather than negotiated: a client asking for {@code text/html} (or for nothing
     * this service speaks) still gets the JSON error instead of a second failure.
     */
    public ResponseEntity<Object> entity(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Writes the problem as the whole answer, for code that runs outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(problem, request.getRequestURI()));
    }

    /** The document as bytes, with {@code instance} set to the request path when it is a valid URI reference. */
    byte[] json(ProblemDetail problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", (problem.getType() != null ? problem.getType() : BLANK_TYPE).toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        URI instance = problem.getInstance() != null ? problem.getInstance() : uriOrNull(path);
        if (instance != null) {
            body.put("instance", instance.toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return json.writeValueAsBytes(body);
    }

    byte[] json(Object body) {
        return json.writeValueAsBytes(body);
    }

    static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error " + status;
    }

    private static URI uriOrNull(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
