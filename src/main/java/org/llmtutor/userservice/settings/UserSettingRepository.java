package org.llmtutor.userservice.settings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserSettingRepository extends JpaRepository<UserSetting, UUID> {

    List<UserSetting> findByUserIdAndServiceTypeIn(UUID userId, Collection<String> serviceTypes);

    @Query(value = "SELECT settings_identity_id FROM users WHERE id = :userId", nativeQuery = true)
    Optional<String> findIdentity(UUID userId);

    @Query(value = "SELECT count(*) > 0 FROM users WHERE id = :userId", nativeQuery = true)
    boolean userExists(UUID userId);

    @Modifying
    @Query(value = "UPDATE users SET settings_identity_id = :identity WHERE id = :userId", nativeQuery = true)
    int saveIdentity(UUID userId, String identity);

    @Modifying
    @Query("DELETE FROM UserSetting s WHERE s.userId = :userId AND s.serviceType IN :serviceTypes")
    int deleteServices(UUID userId, Collection<String> serviceTypes);
}
