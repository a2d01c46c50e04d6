package org.llmtutor.userservice.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The persona a user chose in the UI (settings key {@code identityId}). */
@Entity
@Immutable
@Table(name = "user_settings_identity")
final class SettingsIdentity {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "identity_id")
    private String identityId;

    protected SettingsIdentity() {}

    SettingsIdentity(UUID userId, String identityId) {
        this.userId = userId;
        this.identityId = identityId;
    }
}
