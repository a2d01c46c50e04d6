package org.llmtutor.userservice.auth.credential;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCredentialRepository extends JpaRepository<ServiceCredential, UUID> {

    Optional<ServiceCredential> findByTokenHashAndRevokedAtIsNull(String tokenHash);

    List<ServiceCredential> findByNameAndRevokedAtIsNull(String name);

    List<ServiceCredential> findAllByOrderByCreatedAtAsc();
}
