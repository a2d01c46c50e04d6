package org.llmtutor.userservice.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/quiz/results")
class QuizController {

    /** Quiz ids are opaque strings chosen by test_generator (e.g. {@code exam-linear-models-01}); blank is NotBlank's. */
    static final String QUIZ_ID_PATTERN = "[^\\p{Cntrl}]*";

    static final int MAX_DETAILS_BYTES = 64 * 1024;
    static final int DEFAULT_LIMIT = 50;

    /** score and details stay JSON nodes so that their type is checked exactly, without Jackson's coercions. */
    record NewResult(
            @NotNull UUID userId,

            @NotBlank @Size(max = 200) @Pattern(regexp = QUIZ_ID_PATTERN)
            String quizId,

            @Percentage JsonNode score,

            @JsonDocument(maxBytes = MAX_DETAILS_BYTES) JsonNode details) {}

    private final QuizService quizzes;

    QuizController(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    QuizResultRecord record(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewResult body) {
        String details = body.details() == null || body.details().isNull()
                ? null
                : body.details().toString();
        try {
            return quizzes.record(
                    caller, body.userId(), body.quizId(), body.score().doubleValue(), details);
        } catch (DataIntegrityViolationException deletedMeanwhile) {
            // The user was deleted between our check and our insert.
            throw new UserNotFoundException();
        }
    }

    @GetMapping("/user/{user_id}")
    List<QuizResultRecord> list(
            @AuthenticationPrincipal Caller caller,
            @PathVariable("user_id") UUID userId,
            @RequestParam(name = "quiz_id", required = false) String quizId,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return quizzes.list(caller, userId, quizId, limit, offset);
    }

    @GetMapping("/user/{user_id}/stats")
    QuizStats stats(
            @AuthenticationPrincipal Caller caller,
            @PathVariable("user_id") UUID userId,
            @RequestParam(name = "quiz_id", required = false) String quizId) {
        return quizzes.stats(caller, userId, quizId);
    }
}
