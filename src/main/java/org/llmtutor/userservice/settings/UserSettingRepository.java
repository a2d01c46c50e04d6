package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserSettingRepository extends JpaRepository<UserSetting, UUID> {

    List<UserSetting> findByUserId(UUID userId);

    /**
     * Locks the owner's row until the transaction ends, so that writes to one user's settings, on any instance, run
     * one after another and each sees the set the previous one left. Empty when the user does not exist.
     */
    @Query(value = "SELECT id FROM users WHERE id = :userId FOR UPDATE", nativeQuery = true)
    Optional<UUID> lockOwner(UUID userId);

    @Query(value = "SELECT id FROM users WHERE id = :userId", nativeQuery = true)
    Optional<UUID> findOwner(UUID userId);
}
