package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface UserSettingRepository extends Repository<UserSetting, UUID>, AggregateInsert<UserSetting> {

    /** A stored service's choice with the user's identity; all but the identity null when no service is stored. */
    record StoredRow(String serviceType, String provider, String modelName, String identityId) {}

    List<UserSetting> findByUserId(UUID userId);

    /**
     * A row per stored service, a single row of nulls but the identity when none is stored, none for no such user: two
     * outer joins from the user's row, so that one statement tells the rows, the identity and whether the user exists,
     * from one snapshot without a transaction (inside one, PATCH's, it sees what the transaction wrote). Read straight
     * into the records, with no entities built for a read.
     */
    @Query("select new org.llmtutor.userservice.settings.UserSettingRepository$StoredRow(s.serviceType, s.provider,"
            + " s.modelName, i.identityId) from User u left join UserSetting s on s.userId = u.id"
            + " left join SettingsIdentity i on i.userId = u.id where u.id = :userId")
    List<StoredRow> findStored(UUID userId);

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE user_settings SET provider = :provider, model_name = :model WHERE id = :id")
    int choose(UUID id, String provider, String model);

    void deleteById(UUID id);
}
