package org.llmtutor.userservice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.llmtutor.userservice.auth.AccessGuard.Data;
import org.llmtutor.userservice.auth.credential.Scope;
import org.llmtutor.userservice.auth.credential.ServiceClient;
import org.llmtutor.userservice.shared.DomainException;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.UserNotFoundException;

/** The guard decides from its arguments alone: no request, no security context. */
class AccessGuardTest {

    private static final UUID OWNER = UUID.randomUUID();
    private final AccessGuard guard = new AccessGuard(new AccessProperties(false, List.of()));
    private final AccessGuard legacyGuard = new AccessGuard(new AccessProperties(true, List.of("127.0.0.1/32")));

    @Test
    void usersReachTheirOwnDataDevelopersReadAllAdminsEverything() {
        Caller owner = new CurrentUser(OWNER, "owner", Role.USER);
        Caller other = new CurrentUser(UUID.randomUUID(), "other", Role.USER);
        Caller developer = new CurrentUser(UUID.randomUUID(), "dev", Role.DEVELOPER);
        Caller admin = new CurrentUser(UUID.randomUUID(), "admin", Role.ADMIN);

        for (Data data : Data.values()) {
            assertThat(guard.mayRead(owner, data, OWNER)).isTrue();
            assertThat(guard.mayWrite(owner, data, OWNER)).isTrue();
            assertThat(guard.mayRead(other, data, OWNER)).isFalse();
            assertThat(guard.mayWrite(other, data, OWNER)).isFalse();
            assertThat(guard.mayRead(developer, data, OWNER)).isTrue();
            assertThat(guard.mayWrite(developer, data, OWNER)).isFalse();
            assertThat(guard.mayRead(admin, data, OWNER)).isTrue();
            assertThat(guard.mayWrite(admin, data, OWNER)).isTrue();
        }
    }

    @Test
    void servicesReachWhatTheirScopesAllowAndAWriteScopeIncludesReading() {
        Caller writer = service(Scope.SESSIONS_WRITE);
        Caller reader = service(Scope.SESSIONS_READ);

        assertThat(guard.mayRead(writer, Data.SESSIONS, OWNER)).isTrue();
        assertThat(guard.mayWrite(writer, Data.SESSIONS, OWNER)).isTrue();
        assertThat(guard.mayRead(reader, Data.SESSIONS, OWNER)).isTrue();
        assertThat(guard.mayWrite(reader, Data.SESSIONS, OWNER)).isFalse();
        assertThat(guard.mayRead(writer, Data.SETTINGS, OWNER)).isFalse();
        assertThat(guard.mayRead(service(Scope.METRICS_READ), Data.PROFILE, OWNER))
                .isFalse();
    }

    @Test
    void callersWithoutCredentialOnlyWhileTheMigrationSwitchIsOn() {
        assertThat(guard.mayRead(null, Data.SETTINGS, OWNER)).isFalse();
        assertThat(guard.mayWrite(null, Data.SETTINGS, OWNER)).isFalse();
        assertThat(legacyGuard.mayRead(null, Data.SETTINGS, OWNER)).isTrue();
        assertThat(legacyGuard.mayWrite(null, Data.SETTINGS, OWNER)).isTrue();
        // The switch opens nothing for callers that did present a credential.
        assertThat(legacyGuard.mayRead(service(Scope.QUIZ_READ), Data.SETTINGS, OWNER))
                .isFalse();
    }

    @Test
    void refusalIsThe404OfAMissingUser() {
        assertThatThrownBy(() -> guard.checkRead(null, Data.QUIZ, OWNER))
                .isInstanceOfSatisfying(UserNotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("User not found");
                });
    }

    private static Caller service(Scope... scopes) {
        return new ServiceClient(UUID.randomUUID(), "svc", Set.of(scopes));
    }
}
