package org.llmtutor.userservice.settings;

import java.util.Optional;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface SettingsIdentityRepository extends Repository<SettingsIdentity, UUID>, AggregateInsert<SettingsIdentity> {

    Optional<SettingsIdentity> findById(UUID userId);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE user_settings_identity SET identity_id = :identityId WHERE user_id = :userId")
    int setIdentityId(UUID userId, String identityId);

    void deleteById(UUID userId);
}
