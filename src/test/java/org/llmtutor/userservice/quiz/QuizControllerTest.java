package org.llmtutor.userservice.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.database.DatabaseOutage;
import org.llmtutor.userservice.web.problem.GlobalExceptionHandler;
import org.llmtutor.userservice.web.problem.ProblemRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The quiz controller's binding alone: JSON names, validation and the problem documents, with the service mocked. What
 * is stored and who may store it is QuizResultsTest's, through the whole application. The security chain is left out:
 * the caller is put in place as the bearer filter would.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters = {
            @ComponentScan.Filter(
                    type = FilterType.ASSIGNABLE_TYPE,
                    classes = {QuizController.class, GlobalExceptionHandler.class, ProblemRenderer.class}),
            // The HTTP edge's JSON names and body checks (package-private in web).
            @ComponentScan.Filter(
                    type = FilterType.REGEX,
                    pattern = "org\\.llmtutor\\.userservice\\.web\\.(JsonConfig|InputBoundary)")
        })
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class QuizControllerTest {

    private static final Caller CALLER = () -> "quiz_service";
    private static final UUID USER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    QuizService quizzes;

    @MockitoBean
    DatabaseOutage outage;

    /** Where the bearer filter puts the caller; the test context listener clears it after each test. */
    @BeforeEach
    void authenticate() {
        TestSecurityContextHolder.setAuthentication(new TestingAuthenticationToken(CALLER, null));
    }

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri("/quiz/results")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void aResultIsReadFromSnakeCaseAndAnsweredAs201InSnakeCase() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
        given(quizzes.record(CALLER, USER, "exam-linear-models-01", 80.5, "{\"a\":[1,2]}"))
                .willReturn(new QuizResultRecord(
                        id,
                        USER,
                        "exam-linear-models-01",
                        80.5,
                        "{\"a\":[1,2]}",
                        Instant.parse("2026-12-05T08:00:00Z")));

        MvcTestResult r = post("{\"user_id\":\"" + USER
                + "\",\"quiz_id\":\"exam-linear-models-01\",\"score\":80.5,\"details\":{\"a\":[1,2]}}");

        assertThat(r).hasStatus(HttpStatus.CREATED).bodyJson().isStrictlyEqualTo("""
                {"id":"00000000-0000-4000-8000-0000000000aa","user_id":"00000000-0000-4000-8000-000000000001",
                 "quiz_id":"exam-linear-models-01","score":80.5,"details":{"a":[1,2]},
                 "created_at":"2026-12-05T08:00:00.000000Z"}""");
    }

    @Test
    void badFieldsAre422WithADetailNamingEachFieldAsOnTheWireAndReachNoService() {
        MvcTestResult r = post("{\"user_id\":\"" + USER + "\",\"quiz_id\":\"\",\"score\":\"80\"}");

        assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(r).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Validation failed: quiz_id must not be blank; score must be a number from 0 to 100");
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").isEqualTo(List.of("quiz_id", "score"));
        verifyNoInteractions(quizzes);
    }

    @Test
    void aBodyThatIsNotJsonIs422WithADetail() {
        MvcTestResult r = post("{\"user_id\":");

        assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(r).bodyJson().extractingPath("$.detail").isEqualTo("Request body is not valid JSON");
        verifyNoInteractions(quizzes);
    }

    @Test
    void queryParametersAreCheckedBeforeTheService() {
        MvcTestResult limit =
                mvc.get().uri("/quiz/results/user/{id}?limit=0", USER).exchange();
        MvcTestResult notAUuid = mvc.get().uri("/quiz/results/user/not-a-uuid").exchange();

        assertThat(limit).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(limit).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        assertThat(notAUuid).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(notAUuid)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Validation failed: user_id must be a UUID");
        verifyNoInteractions(quizzes);
    }

    @Test
    void theCallerReachesTheServiceWithTheQueryAsGiven() {
        mvc.get()
                .uri("/quiz/results/user/{id}?quiz_id=q1&limit=5&offset=10", USER)
                .exchange();

        verify(quizzes).list(CALLER, USER, "q1", 5, 10);
    }
}
