package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserSettingRepository extends JpaRepository<UserSetting, UUID> {

    List<UserSetting> findByUserId(UUID userId);

    /**
     * The user's stored settings and identity in one statement, so from one snapshot: a row per stored service
     * ({@code service_type, provider, model_name, identity_id}), a single row of nulls but the identity when no service
     * is stored, no row when the user does not exist.
     */
    @Query(
            value = "SELECT s.service_type, s.provider, s.model_name, i.identity_id FROM users u"
                    + " LEFT JOIN user_settings s ON s.user_id = u.id"
                    + " LEFT JOIN user_settings_identity i ON i.user_id = u.id WHERE u.id = :userId",
            nativeQuery = true)
    List<Object[]> findStored(UUID userId);
}
