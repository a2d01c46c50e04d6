package org.llmtutor.userservice.auth;

import java.util.UUID;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceClient;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may reach whose data (contract part B), decided from the caller, the owner and the kind of data alone. A user
 * reaches their own data; a developer also reads everyone's; an admin reaches everything; a service reaches what its
 * scopes allow; a caller without credential (null) only while the migration switch is on, which the security chain
 * allows only on the Python-era paths. Anything else answers 404, so that nobody learns what exists.
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

    private final boolean legacyUnauthenticatedAccess;

    public AccessGuard(AccessProperties properties) {
        this.legacyUnauthenticatedAccess = properties.legacyUnauthenticatedAccess();
    }

    /** @throws UserNotFoundException unless the caller may read this user's data */
    public void checkRead(Caller caller, Data data, UUID ownerId) {
        if (!mayRead(caller, data, ownerId)) {
            throw new UserNotFoundException();
        }
    }

    /** @throws UserNotFoundException unless the caller may change this user's data */
    public void checkWrite(Caller caller, Data data, UUID ownerId) {
        if (!mayWrite(caller, data, ownerId)) {
            throw new UserNotFoundException();
        }
    }

    public boolean mayRead(Caller caller, Data data, UUID ownerId) {
        if (caller instanceof CurrentUser user) {
            return user.id().equals(ownerId) || user.role() == Role.DEVELOPER || user.role() == Role.ADMIN;
        }
        if (caller instanceof ServiceClient service) {
            return service.scopes().contains(data.read) || service.scopes().contains(data.write);
        }
        return caller == null && legacyUnauthenticatedAccess;
    }

    public boolean mayWrite(Caller caller, Data data, UUID ownerId) {
        if (caller instanceof CurrentUser user) {
            return user.id().equals(ownerId) || user.role() == Role.ADMIN;
        }
        if (caller instanceof ServiceClient service) {
            return service.scopes().contains(data.write);
        }
        return caller == null && legacyUnauthenticatedAccess;
    }
}
