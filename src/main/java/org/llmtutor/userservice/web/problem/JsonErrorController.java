package org.llmtutor.userservice.web.problem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by Tomcat, or a filter calling {@code sendError}) land here. An exception is
 * handed back to Spring MVC, so that {@link GlobalExceptionHandler} answers it as it answers every other; a bare status
 * becomes a problem document with the status's reason phrase. Asked for directly, {@code /error} is no resource.
 */
@RestController
class JsonErrorController implements ErrorController {

    private final ProblemRenderer problems;

    JsonErrorController(ProblemRenderer problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<Object> error(HttpServletRequest request) throws Exception {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return problems.entity(problems.problem(HttpStatus.NOT_FOUND), HttpHeaders.EMPTY);
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof ServletException servlet && servlet.getRootCause() instanceof Exception cause) {
            throw cause;
        }
        if (failure instanceof Exception exception) {
            throw exception;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer i && i >= 400 && i <= 599
                ? HttpStatusCode.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return problems.entity(problems.problem(status), HttpHeaders.EMPTY);
    }
}
