package org.llmtutor.userservice.auth.credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface ServiceCredentialRepository extends Repository<ServiceCredential, UUID>, AggregateInsert<ServiceCredential> {

    Optional<ServiceCredential> findByTokenHashAndRevokedAtIsNull(String tokenHash);

    List<ServiceCredential> findByNameAndRevokedAtIsNull(String name);

    List<ServiceCredential> findAllByOrderByCreatedAtAsc();

    /** Revokes every active credential of that name; returns how many. */
    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE service_credentials SET revoked_at = :now WHERE name = :name AND revoked_at IS NULL")
    int revokeActive(String name, Instant now);
}
