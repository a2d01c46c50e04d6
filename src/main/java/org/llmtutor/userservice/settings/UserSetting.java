package org.llmtutor.userservice.settings;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One service's LLM choice of one user (the Python service's table, one row per user and service). */
@Table("user_settings")
class UserSetting {

    @Id
    @Column("id")
    private UUID id;

    @Column("user_id")
    private UUID userId;

    @Column("service_type")
    private String serviceType;

    @Column("provider")
    private String provider;

    @Column("model_name")
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
