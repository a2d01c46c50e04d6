package org.llmtutor.userservice.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.audit.AuditEventType;
import org.llmtutor.userservice.audit.AuditLog;
import org.llmtutor.userservice.auth.AccessGuard;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.login.LoginService;
import org.llmtutor.userservice.auth.login.PasswordChangeService;
import org.llmtutor.userservice.auth.token.AccessToken;
import org.llmtutor.userservice.auth.token.RefreshTokenService;
import org.llmtutor.userservice.auth.token.TokenPairResponse;
import org.llmtutor.userservice.auth.token.TokenResponse;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.common.ApiException;
import org.llmtutor.userservice.common.ClientAddresses;
import org.llmtutor.userservice.common.ErrorResponse.FieldProblem;
import org.llmtutor.userservice.common.StatusResponse;
import org.llmtutor.userservice.user.UserProfile;
import org.llmtutor.userservice.user.UserRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
class AuthController {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String MULTIPART = MediaType.MULTIPART_FORM_DATA_VALUE;

    record PasswordChange(
            @NotEmpty @JsonProperty("current_password") String currentPassword,
            @NotEmpty @JsonProperty("new_password") String newPassword) {}

    record LoginSessionView(
            UUID id,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("last_used_at") Instant lastUsedAt,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("user_agent") String userAgent,
            String ip,
            boolean current) {}

    private final LoginService login;
    private final RefreshTokenService refreshTokens;
    private final TokenRevocationService revocations;
    private final PasswordChangeService passwords;
    private final UserRepository users;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final ClientAddresses clients;

    AuthController(
            LoginService login,
            RefreshTokenService refreshTokens,
            TokenRevocationService revocations,
            PasswordChangeService passwords,
            UserRepository users,
            AccessGuard guard,
            AuditLog audit,
            ClientAddresses clients) {
        this.login = login;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.passwords = passwords;
        this.users = users;
        this.guard = guard;
        this.audit = audit;
        this.clients = clients;
    }

    /** OAuth2 password flow, form-encoded as the Python service (FastAPI's OAuth2PasswordRequestForm) took it. */
    @SecurityRequirements
    @Operation(summary = "Log in (Python-compatible): an access token only")
    @PostMapping(
            value = "/login",
            consumes = {FORM, MULTIPART})
    TokenResponse login(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(name = "grant_type", required = false) String grantType,
            HttpServletRequest request) {
        List<FieldProblem> problems = credentialProblems(username, password);
        if (grantType != null && !grantType.isEmpty() && !"password".equals(grantType)) {
            problems.add(new FieldProblem("grant_type", "must be 'password'"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return login.login(username, password, clients.of(request));
    }

    /**
     * The token endpoint for clients that want refresh tokens: {@code grant_type=password} starts a login session,
     * {@code grant_type=refresh_token} rotates.
     */
    @SecurityRequirements
    @Operation(summary = "Log in or refresh: an access token and a refresh token")
    @PostMapping(
            value = "/token",
            consumes = {FORM, MULTIPART})
    TokenPairResponse token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(name = "refresh_token", required = false) String refreshToken,
            HttpServletRequest request) {
        if ("password".equals(grantType)) {
            List<FieldProblem> problems = credentialProblems(username, password);
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
            String client = clients.of(request);
            var user = login.authenticate(username, password, client);
            return refreshTokens.startSession(user, clip(request.getHeader(HttpHeaders.USER_AGENT), 500), client);
        }
        if ("refresh_token".equals(grantType)) {
            if (refreshToken == null || refreshToken.isEmpty()) {
                throw ApiException.invalid("refresh_token", "is required");
            }
            return refreshTokens.refresh(refreshToken);
        }
        throw ApiException.invalid("grant_type", "must be 'password' or 'refresh_token'");
    }

    /** The calling user's profile; a service credential has none. */
    @GetMapping("/me")
    UserProfile me() {
        return guard.currentUser()
                .flatMap(caller -> users.findById(caller.id()))
                .map(UserProfile::of)
                .orElseThrow(ApiException::userNotFound);
    }

    /** Ends the access token used for this call (and its login session, if it came from one). */
    @PostMapping("/logout")
    StatusResponse logout() {
        CurrentUser caller = caller();
        revocations.logout(currentToken(), caller.username());
        return StatusResponse.SUCCESS;
    }

    /** Ends every token and login session of the caller, on every device. */
    @PostMapping("/logout-all")
    StatusResponse logoutAll() {
        CurrentUser caller = caller();
        revocations.revokeAll(caller.id(), "logout-all");
        audit.record(AuditEventType.LOGOUT_ALL, caller.id(), caller.username(), caller.username(), null);
        return StatusResponse.SUCCESS;
    }

    @GetMapping("/sessions")
    List<LoginSessionView> sessions() {
        CurrentUser caller = caller();
        UUID current = currentToken().loginSessionId();
        return refreshTokens.activeSessions(caller.id()).stream()
                .map(s -> new LoginSessionView(
                        s.getId(),
                        s.getCreatedAt(),
                        s.getLastUsedAt(),
                        s.getExpiresAt(),
                        s.getUserAgent(),
                        s.getIp(),
                        s.getId().equals(current)))
                .toList();
    }

    @DeleteMapping("/sessions/{id}")
    StatusResponse endSession(@PathVariable("id") UUID id) {
        CurrentUser caller = caller();
        if (!refreshTokens.endSession(caller.id(), id)) {
            throw ApiException.notFound("Session not found");
        }
        audit.record(
                AuditEventType.LOGIN_SESSION_ENDED, caller.id(), caller.username(), caller.username(), "session " + id);
        return StatusResponse.SUCCESS;
    }

    /** Changes the caller's password; answers a new access token because every older one (this one too) ends. */
    @PostMapping("/password")
    TokenResponse changePassword(@Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        return passwords.change(caller(), body.currentPassword(), body.newPassword(), clients.of(request));
    }

    private CurrentUser caller() {
        return guard.currentUser().orElseThrow(ApiException::userNotFound);
    }

    private static AccessToken currentToken() {
        return (AccessToken)
                SecurityContextHolder.getContext().getAuthentication().getCredentials();
    }

    private static List<FieldProblem> credentialProblems(String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            problems.add(new FieldProblem("username", "is required"));
        }
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem("password", "is required"));
        }
        return problems;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
