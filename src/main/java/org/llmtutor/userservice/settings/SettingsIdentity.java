package org.llmtutor.userservice.settings;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** The persona a user chose in the UI (settings key {@code identityId}). */
@Table("user_settings_identity")
class SettingsIdentity {

    @Id
    @Column("user_id")
    private UUID userId;

    @Column("identity_id")
    private String identityId;

    protected SettingsIdentity() {}

    SettingsIdentity(UUID userId, String identityId) {
        this.userId = userId;
        this.identityId = identityId;
    }
}
