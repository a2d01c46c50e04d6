package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.common.AggregateInsert;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface UserSettingRepository
        extends Repository<UserSetting, UUID>, AggregateInsert<UserSetting>, StoredSettingsQuery {

    List<UserSetting> findByUserId(UUID userId);

    @Modifying
    @Query("UPDATE user_settings SET provider = :provider, model_name = :model WHERE id = :id")
    int choose(UUID id, String provider, String model);

    void deleteById(UUID id);
}
