package org.llmtutor.userservice.settings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SettingsIdentityRepository extends JpaRepository<SettingsIdentity, UUID> {}
