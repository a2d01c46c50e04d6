package org.llmtutor.userservice.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One row of the Python-era {@code user_settings} table: a user's provider and model for one service. */
@Entity
@Table(name = "user_settings")
class UserSetting {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "service_type", nullable = false, updatable = false)
    private String serviceType;

    @Column(nullable = false)
    private String provider;

    @Column(name = "model_name", nullable = false)
    private String modelName;

    protected UserSetting() {}

    UserSetting(UUID id, UUID userId, String serviceType, ServiceSetting setting) {
        this.id = id;
        this.userId = userId;
        this.serviceType = serviceType;
        this.provider = setting.provider();
        this.modelName = setting.model();
    }

    String serviceType() {
        return serviceType;
    }

    ServiceSetting setting() {
        return new ServiceSetting(provider, modelName);
    }
}
