package org.llmtutor.userservice.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.llmtutor.userservice.web.RequestIdFilter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat answers some requests itself before they reach the application (a malformed URI or header, a bad
 * {@code Content-Length}, headers over the limit). Its default page is HTML; the platform's clients parse every
 * response as JSON, so this writes the same problem document as every other error, and gives the answer the
 * {@code X-Request-Id} that the request-id filter never had the chance to set.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ProblemRenderer problems;

    ProblemReportValve(ProblemRenderer problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (response.getHeader(RequestIdFilter.HEADER) == null) {
            response.setHeader(
                    RequestIdFilter.HEADER, RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER)));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                byte[] body = problems.json(problems.problem(HttpStatusCode.valueOf(status)), request.getRequestURI());
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone or the response already committed: nothing more can be said.
        }
    }
}
