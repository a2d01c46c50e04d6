package org.llmtutor.userservice.settings;

import java.util.List;
import java.util.UUID;
import org.llmtutor.userservice.shared.AggregateInsert;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface UserSettingRepository extends Repository<UserSetting, UUID>, AggregateInsert<UserSetting> {

    /** A stored service's choice with the user's identity; all but the identity null when no service is stored. */
    record StoredRow(String serviceType, String provider, String modelName, String identityId) {}

    List<UserSetting> findByUserId(UUID userId);

    /**
     * Native: two outer joins from the user's row, so that one statement tells the rows, the identity and whether the
     * user exists, from one snapshot without a transaction (inside one, PATCH's, it sees what the transaction wrote).
     * Every column is text, which both drivers report alike.
     */
    @NativeQuery("SELECT s.service_type, s.provider, s.model_name, i.identity_id FROM users u"
            + " LEFT JOIN user_settings s ON s.user_id = u.id"
            + " LEFT JOIN user_settings_identity i ON i.user_id = u.id WHERE u.id = :userId")
    List<Object[]> findStoredColumns(UUID userId);

    /** A row per stored service, a single row of nulls but the identity when none is stored, none for no such user. */
    default List<StoredRow> findStored(UUID userId) {
        return findStoredColumns(userId).stream()
                .map(c -> new StoredRow((String) c[0], (String) c[1], (String) c[2], (String) c[3]))
                .toList();
    }

    @Transactional
    @Modifying(clearAutomatically = true)
    @NativeQuery("UPDATE user_settings SET provider = :provider, model_name = :model WHERE id = :id")
    int choose(UUID id, String provider, String model);

    void deleteById(UUID id);
}
