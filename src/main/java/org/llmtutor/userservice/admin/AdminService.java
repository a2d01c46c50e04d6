package org.llmtutor.userservice.admin;

import java.util.List;
import java.util.Set;
import org.llmtutor.userservice.admin.events.PasswordReset;
import org.llmtutor.userservice.admin.events.RoleChanged;
import org.llmtutor.userservice.admin.events.ServiceTokenCreated;
import org.llmtutor.userservice.admin.events.ServiceTokenRevoked;
import org.llmtutor.userservice.admin.events.UserCreated;
import org.llmtutor.userservice.admin.events.UserDeleted;
import org.llmtutor.userservice.admin.events.UserDisabled;
import org.llmtutor.userservice.admin.events.UserEnabled;
import org.llmtutor.userservice.admin.events.UserUnlocked;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceCredential;
import org.llmtutor.userservice.auth.credential.ServiceCredentialService;
import org.llmtutor.userservice.auth.login.LoginLocks;
import org.llmtutor.userservice.auth.token.TokenRevocationService;
import org.llmtutor.userservice.user.InvalidUserException;
import org.llmtutor.userservice.user.PasswordHasher;
import org.llmtutor.userservice.user.PasswordPolicy;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;
import org.llmtutor.userservice.user.UsernameTakenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin CLI's changes to single users and service credentials; each one published as an event (package {@code
 * admin.events}) inside its transaction, which the audit log records with actor {@code cli}.
 */
@Service
class AdminService {

    private final UserService users;
    private final PasswordHasher hasher;
    private final TokenRevocationService revocations;
    private final LoginLocks loginLocks;
    private final ServiceCredentialService serviceCredentials;
    private final ApplicationEventPublisher events;

    AdminService(
            UserService users,
            PasswordHasher hasher,
            TokenRevocationService revocations,
            LoginLocks loginLocks,
            ServiceCredentialService serviceCredentials,
            ApplicationEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.revocations = revocations;
        this.loginLocks = loginLocks;
        this.serviceCredentials = serviceCredentials;
        this.events = events;
    }

    @Transactional
    public User register(String username, String password, Role role) {
        User user;
        try {
            user = users.create(username, password, role);
        } catch (InvalidUserException | UsernameTakenException e) {
            throw new AdminException(e.getMessage());
        }
        events.publishEvent(new UserCreated(user.getId(), username, role, false));
        return user;
    }

    @Transactional(readOnly = true)
    public List<User> listUsers() {
        return users.listByUsername();
    }

    /**
     * Deletes the user, if there is one; their sessions, settings, quiz results and login sessions go with them
     * (cascading keys), so every token they had stops working. Returns whether there was such a user.
     */
    @Transactional
    public boolean delete(String username) {
        return users.findByUsername(username)
                .map(user -> {
                    users.delete(user);
                    events.publishEvent(new UserDeleted(user.getId(), username));
                    return true;
                })
                .orElse(false);
    }

    /** Returns whether there was a lock (or failures counting towards one) to clear. */
    @Transactional
    public boolean unlock(String username) {
        User user = existing(username);
        boolean cleared = loginLocks.clear(username);
        if (cleared) {
            events.publishEvent(new UserUnlocked(user.getId(), username));
        }
        return cleared;
    }

    /** Returns the previous role. Tokens in use get the new role within 1 s on every instance (NOTIFY trigger). */
    @Transactional
    public Role setRole(String username, Role role) {
        User user = existing(username);
        Role previous = user.getRole();
        if (previous != role) {
            users.setRole(user.getId(), role);
            events.publishEvent(new RoleChanged(user.getId(), username, previous, role));
        }
        return previous;
    }

    /** Sets a new password and ends every token and login session the user had. */
    @Transactional
    public void resetPassword(String username, String password) {
        PasswordPolicy.violation(password).ifPresent(AdminException::fail);
        User user = existing(username);
        users.setPasswordHash(user.getId(), hasher.hash(password));
        revocations.revokeAll(user.getId(), "password reset");
        events.publishEvent(new PasswordReset(user.getId(), username));
    }

    /** Returns whether anything changed. Disabling also ends every token and login session the user had. */
    @Transactional
    public boolean setActive(String username, boolean active) {
        User user = existing(username);
        if (user.isActive() == active) {
            return false;
        }
        users.setActive(user.getId(), active);
        if (active) {
            events.publishEvent(new UserEnabled(user.getId(), username));
        } else {
            revocations.revokeAll(user.getId(), "disabled");
            events.publishEvent(new UserDisabled(user.getId(), username));
        }
        return true;
    }

    /** Revocation is by name, so a name stands for one active credential at a time. */
    @Transactional
    public ServiceCredentialService.Created createServiceToken(String name, Set<Scope> scopes) {
        if (serviceCredentials.hasActive(name)) {
            throw new AdminException(
                    "an active service token named '" + name + "' exists; revoke it first (revoke_service_token)");
        }
        ServiceCredentialService.Created created;
        try {
            created = serviceCredentials.create(name, scopes);
        } catch (IllegalArgumentException e) {
            throw new AdminException(e.getMessage());
        }
        events.publishEvent(new ServiceTokenCreated(name, scopes));
        return created;
    }

    @Transactional
    public void revokeServiceToken(String name) {
        if (serviceCredentials.revoke(name) == 0) {
            throw new AdminException("no active service token named '" + name + "'");
        }
        events.publishEvent(new ServiceTokenRevoked(name));
    }

    @Transactional(readOnly = true)
    public List<ServiceCredential> listServiceTokens() {
        return serviceCredentials.list();
    }

    private User existing(String username) {
        return users.findByUsername(username).orElseThrow(() -> AdminException.noSuchUser(username));
    }
}
