package org.llmtutor.userservice.auth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.auth.CurrentUser;
import org.llmtutor.userservice.auth.login.LoginService;
import org.llmtutor.userservice.auth.login.PasswordChangeService;
import org.llmtutor.userservice.auth.token.AccessToken;
import org.llmtutor.userservice.auth.token.RefreshTokenService;
import org.llmtutor.userservice.auth.token.TokenPairResponse;
import org.llmtutor.userservice.auth.token.TokenResponse;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.shared.FieldProblem;
import org.llmtutor.userservice.shared.InvalidInputException;
import org.llmtutor.userservice.shared.NotFoundException;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.shared.StatusResponse;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.llmtutor.userservice.user.UserProfile;
import org.llmtutor.userservice.user.UserService;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
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
    /** The verified access token of the request (a user's; services have none). */
    private static final String TOKEN = "authentication.token";

    record PasswordChange(
            @NotEmpty String currentPassword, @NotEmpty String newPassword) {}

    record LoginSessionView(
            UUID id,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            String userAgent,
            String ip,
            boolean current) {}

    private final LoginService login;
    private final RefreshTokenService refreshTokens;
    private final TokenRevocationService revocations;
    private final PasswordChangeService passwords;
    private final UserService users;

    AuthController(
            LoginService login,
            RefreshTokenService refreshTokens,
            TokenRevocationService revocations,
            PasswordChangeService passwords,
            UserService users) {
        this.login = login;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.passwords = passwords;
        this.users = users;
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
            RequestOrigin origin) {
        List<FieldProblem> problems = credentialProblems(username, password);
        if (grantType != null && !grantType.isEmpty() && !"password".equals(grantType)) {
            problems.add(new FieldProblem("grant_type", "must be 'password'"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return login.login(username, password, origin);
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
            RequestOrigin origin) {
        if ("password".equals(grantType)) {
            List<FieldProblem> problems = credentialProblems(username, password);
            if (!problems.isEmpty()) {
                throw InvalidInputException.of(problems);
            }
            var user = login.authenticate(username, password, origin);
            return refreshTokens.startLoginSession(user, origin);
        }
        if ("refresh_token".equals(grantType)) {
            if (refreshToken == null || refreshToken.isEmpty()) {
                throw InvalidInputException.of("refresh_token", "is required");
            }
            return refreshTokens.refresh(refreshToken, origin);
        }
        throw InvalidInputException.of("grant_type", "must be 'password' or 'refresh_token'");
    }

    /** The calling user's profile; a service credential has none. */
    @GetMapping("/me")
    UserProfile me(@AuthenticationPrincipal CurrentUser caller) {
        return users.findById(requireUser(caller).id()).map(UserProfile::of).orElseThrow(UserNotFoundException::new);
    }

    /** Ends the access token used for this call (and its login session, if it came from one). */
    @PostMapping("/logout")
    StatusResponse logout(
            @AuthenticationPrincipal CurrentUser caller,
            @CurrentSecurityContext(expression = TOKEN) Jwt token,
            RequestOrigin origin) {
        CurrentUser user = requireUser(caller);
        revocations.logout(AccessToken.of(token), user.username(), origin);
        return StatusResponse.SUCCESS;
    }

    /** Ends every token and login session of the caller, on every device. */
    @PostMapping("/logout-all")
    StatusResponse logoutAll(@AuthenticationPrincipal CurrentUser caller, RequestOrigin origin) {
        revocations.logoutEverywhere(requireUser(caller), origin);
        return StatusResponse.SUCCESS;
    }

    @GetMapping("/sessions")
    List<LoginSessionView> sessions(
            @AuthenticationPrincipal CurrentUser caller, @CurrentSecurityContext(expression = TOKEN) Jwt token) {
        CurrentUser user = requireUser(caller);
        UUID current = AccessToken.of(token).loginSessionId();
        return refreshTokens.activeLoginSessions(user.id()).stream()
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
    StatusResponse endSession(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable("id") UUID id, RequestOrigin origin) {
        if (!refreshTokens.endLoginSession(requireUser(caller), id, origin)) {
            throw new NotFoundException("Session not found");
        }
        return StatusResponse.SUCCESS;
    }

    /** Changes the caller's password; answers a new access token because every older one (this one too) ends. */
    @PostMapping(value = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse changePassword(
            @AuthenticationPrincipal CurrentUser caller,
            @Valid @RequestBody PasswordChange body,
            RequestOrigin origin) {
        return passwords.change(requireUser(caller), body.currentPassword(), body.newPassword(), origin);
    }

    /** These endpoints are about the calling user; a service credential has no user behind it. */
    private static CurrentUser requireUser(CurrentUser caller) {
        if (caller == null) {
            throw new UserNotFoundException();
        }
        return caller;
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
}
