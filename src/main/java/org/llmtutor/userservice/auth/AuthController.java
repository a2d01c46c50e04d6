package org.llmtutor.userservice.auth;

import java.util.ArrayList;
import java.util.List;
import org.llmtutor.userservice.common.ApiException;
import org.llmtutor.userservice.common.ErrorResponse.FieldProblem;
import org.llmtutor.userservice.user.UserProfile;
import org.llmtutor.userservice.user.UserRepository;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
class AuthController {

    private final LoginService login;
    private final UserRepository users;
    private final AccessGuard guard;

    AuthController(LoginService login, UserRepository users, AccessGuard guard) {
        this.login = login;
        this.users = users;
        this.guard = guard;
    }

    /** OAuth2 password flow, form-encoded as the Python service (FastAPI's OAuth2PasswordRequestForm) took it. */
    @PostMapping(
            value = "/login",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    TokenResponse login(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(name = "grant_type", required = false) String grantType) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            problems.add(new FieldProblem("username", "is required"));
        }
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem("password", "is required"));
        }
        if (grantType != null && !grantType.isEmpty() && !"password".equals(grantType)) {
            problems.add(new FieldProblem("grant_type", "must be 'password'"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return login.login(username, password);
    }

    /** The calling user's profile; a service credential has none. */
    @GetMapping("/me")
    UserProfile me() {
        return guard.currentUser()
                .flatMap(caller -> users.findById(caller.id()))
                .map(UserProfile::of)
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }
}
