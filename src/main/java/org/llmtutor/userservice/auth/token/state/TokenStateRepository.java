package org.llmtutor.userservice.auth.token.state;

import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.auth.token.LoginSession;
import org.llmtutor.userservice.user.User;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The rows behind {@link TokenStateCache}: one single-statement read each, declared queries, so outside any transaction
 * (Spring Data gives only its own CRUD methods a read-only one).
 */
interface TokenStateRepository extends Repository<LoginSession, UUID> {

    @Query("select u from User u where u.id = :id")
    Optional<User> findUserRow(UUID id);

    @Query("select s from LoginSession s where s.id = :id")
    Optional<LoginSession> findLoginSessionRow(UUID id);

    @Query("select count(t) from RevokedAccessToken t where t.jti = :jti")
    long countRevoked(String jti);

    default Optional<TokenStateCache.UserState> findUser(UUID id) {
        return findUserRow(id)
                .map(u -> new TokenStateCache.UserState(
                        id, u.getUsername(), u.getRole(), u.isActive(), u.getTokenGeneration(), u.getXp()));
    }

    default Optional<TokenStateCache.LoginSessionState> findLoginSession(UUID id) {
        return findLoginSessionRow(id)
                .map(s -> new TokenStateCache.LoginSessionState(s.getExpiresAt(), s.getRevokedAt() != null));
    }

    default boolean isRevoked(String jti) {
        return countRevoked(jti) > 0;
    }
}
