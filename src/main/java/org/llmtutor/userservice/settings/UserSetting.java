package org.llmtutor.userservice.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One service's LLM choice of one user (the Python service's table, one row per user and service). */
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

    UserSetting(UUID userId, ServiceType service, ModelChoice choice) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.serviceType = service.key();
        choose(choice);
    }

    String getServiceType() {
        return serviceType;
    }

    ModelChoice choice() {
        return new ModelChoice(provider, modelName);
    }

    void choose(ModelChoice choice) {
        this.provider = choice.provider();
        this.modelName = choice.model();
    }
}
