package org.llmtutor.userservice.auth;

import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceClient;
import org.llmtutor.userservice.common.ApiException;
import org.llmtutor.userservice.user.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may reach whose data (contract part B). A user reaches their own data; a developer also reads everyone's; an
 * admin reaches everything; a service reaches what its scopes allow; anonymous callers only the Python-era paths, and
 * only while the migration switch is on. Anything else answers 404, so that nobody learns what exists.
 */
@Component
public class AccessGuard {

    /** The kinds of per-user data, each with the scopes that grant reading and writing it. */
    public enum Data {
        SETTINGS(Scope.SETTINGS_READ, Scope.SETTINGS_WRITE),
        SESSIONS(Scope.SESSIONS_READ, Scope.SESSIONS_WRITE),
        PROFILE(Scope.PROFILE_READ, Scope.PROFILE_WRITE),
        QUIZ(Scope.QUIZ_READ, Scope.QUIZ_WRITE);

        private final Scope read;
        private final Scope write;

        Data(Scope read, Scope write) {
            this.read = read;
            this.write = write;
        }
    }

    private final AccessProperties properties;

    public AccessGuard(AccessProperties properties) {
        this.properties = properties;
    }

    /** @throws ApiException 404 "User not found" unless the caller may read this user's data */
    public void checkRead(Data data, UUID ownerId) {
        if (!mayRead(data, ownerId)) {
            throw ApiException.userNotFound();
        }
    }

    /** @throws ApiException 404 "User not found" unless the caller may change this user's data */
    public void checkWrite(Data data, UUID ownerId) {
        if (!mayWrite(data, ownerId)) {
            throw ApiException.userNotFound();
        }
    }

    public boolean mayRead(Data data, UUID ownerId) {
        Object caller = principal().orElse(null);
        if (caller instanceof CurrentUser user) {
            return user.id().equals(ownerId) || user.role() == Role.DEVELOPER || user.role() == Role.ADMIN;
        }
        if (caller instanceof ServiceClient service) {
            return service.scopes().contains(data.read) || service.scopes().contains(data.write);
        }
        return caller == null && properties.legacyUnauthenticatedAccess();
    }

    public boolean mayWrite(Data data, UUID ownerId) {
        Object caller = principal().orElse(null);
        if (caller instanceof CurrentUser user) {
            return user.id().equals(ownerId) || user.role() == Role.ADMIN;
        }
        if (caller instanceof ServiceClient service) {
            return service.scopes().contains(data.write);
        }
        return caller == null && properties.legacyUnauthenticatedAccess();
    }

    /** The user behind the request, when it is a user (not a service, not anonymous). */
    public Optional<CurrentUser> currentUser() {
        return principal().filter(CurrentUser.class::isInstance).map(CurrentUser.class::cast);
    }

    private static Optional<Object> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        return principal instanceof CurrentUser || principal instanceof ServiceClient
                ? Optional.of(principal)
                : Optional.empty();
    }
}
