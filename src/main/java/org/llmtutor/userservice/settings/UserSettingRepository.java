package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserSettingRepository extends JpaRepository<UserSetting, UUID>, StoredSettingsQuery {

    List<UserSetting> findByUserId(UUID userId);
}
