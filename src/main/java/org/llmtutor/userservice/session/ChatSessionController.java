package org.llmtutor.userservice.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.llmtutor.userservice.shared.StatusResponse;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chat sessions; the API document keeps the tag it had before the class said "chat". */
@Tag(name = "session-controller")
@RestController
@RequestMapping("/sessions")
class ChatSessionController {

    /** Session ids are opaque strings chosen by the client (e.g. {@code alice_0a1b2c3d}); no control characters. */
    static final String SESSION_ID_PATTERN = "[^\\p{Cntrl}]+";

    record CreateSession(
            @Schema(example = "0b5a3e1c-7f2d-4c1e-9a8b-3d2f1e0c9b8a") @NotNull
            UUID userId,

            @Schema(example = "alice_0a1b2c3d") @NotBlank @Size(max = 255) @Pattern(regexp = SESSION_ID_PATTERN)
            String sessionId,

            @Schema(example = "Chat 2026-01-20 10:15", nullable = true) @Size(max = 500)
            String title) {}

    record RenameSession(@Size(max = 500) String title) {}

    private final ChatSessionService sessions;

    ChatSessionController(ChatSessionService sessions) {
        this.sessions = sessions;
    }

    /** 200, not 201: the Web UI treats anything else as a failure. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ChatSessionRecord create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateSession body) {
        try {
            return sessions.create(caller, body.userId(), body.sessionId(), body.title());
        } catch (DataIntegrityViolationException takenMeanwhile) {
            // Another user's request took the same session_id between our check and our insert.
            throw new ChatSessionIdTakenException();
        }
    }

    @GetMapping("/user/{user_id}")
    List<ChatSessionRecord> list(
            @AuthenticationPrincipal Caller caller,
            @PathVariable("user_id") UUID userId,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return sessions.list(caller, userId, limit, offset);
    }

    @DeleteMapping("/{session_id}")
    StatusResponse delete(@AuthenticationPrincipal Caller caller, @PathVariable("session_id") String sessionId) {
        sessions.delete(caller, sessionId);
        return StatusResponse.SUCCESS;
    }

    @PatchMapping(value = "/{session_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChatSessionRecord rename(
            @AuthenticationPrincipal Caller caller,
            @PathVariable("session_id") String sessionId,
            @Valid @RequestBody RenameSession body) {
        return sessions.rename(caller, sessionId, body.title());
    }
}
