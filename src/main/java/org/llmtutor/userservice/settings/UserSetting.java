package org.llmtutor.userservice.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One service's LLM choice of one user (the Python service's table, one row per user and service). */
@Entity
@Immutable
@Table(name = "user_settings")
final class UserSetting {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "service_type")
    private String serviceType;

    @Column(name = "provider")
    private String provider;

    @Column(name = "model_name")
    private String modelName;

    protected UserSetting() {}

    UserSetting(UUID userId, ServiceType service, ModelChoice choice) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.serviceType = service.key();
        this.provider = choice.provider();
        this.modelName = choice.model();
    }

    UUID getId() {
        return id;
    }

    String getServiceType() {
        return serviceType;
    }
}
