package org.llmtutor.userservice.auth.credential;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.llmtutor.userservice.auth.token.OpaqueTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, checks and revokes the long-lived credentials of internal services. */
@Service
public class ServiceCredentialService {

    /** Service tokens start with this, so a bearer value tells at a glance whether it is a JWT or not. */
    public static final String TOKEN_PREFIX = "svc_";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private final ServiceCredentialRepository credentials;
    private final Clock clock;

    ServiceCredentialService(ServiceCredentialRepository credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The new credential and its token: the token is shown this once and stored only as a hash. */
    public record Created(ServiceCredential credential, String token) {}

    @Transactional
    public Created create(String name, Set<Scope> scopes) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name must be 1-100 letters, digits, '.', '_' or '-'");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a service credential needs at least one scope");
        }
        String token = OpaqueTokens.generate(TOKEN_PREFIX);
        ServiceCredential credential =
                new ServiceCredential(UUID.randomUUID(), name, OpaqueTokens.hash(token), scopes, clock.instant());
        return new Created(credentials.insert(credential), token);
    }

    /** Revokes every active credential of that name; returns how many. */
    @Transactional
    public int revoke(String name) {
        return credentials.revokeActive(name, clock.instant());
    }

    /** Whether an active credential of that name exists. */
    @Transactional(readOnly = true)
    public boolean hasActive(String name) {
        return !credentials.findByNameAndRevokedAtIsNull(name).isEmpty();
    }

    @Transactional(readOnly = true)
    public List<ServiceCredential> list() {
        return credentials.findAllByOrderByCreatedAtAsc();
    }

    @Transactional(readOnly = true)
    public Optional<ServiceClient> authenticate(String token) {
        return credentials
                .findByTokenHashAndRevokedAtIsNull(OpaqueTokens.hash(token))
                .map(c -> new ServiceClient(c.getId(), c.getName(), c.getScopes()));
    }
}
