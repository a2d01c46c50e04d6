package org.llmtutor.userservice.settings;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.llmtutor.userservice.auth.AccessGuard;
import org.llmtutor.userservice.auth.AccessGuard.Data;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.llmtutor.userservice.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

@Service
public class SettingsService {

    private final UserSettingRepository settings;
    private final UserService users;
    private final SettingsIdentityRepository identities;
    private final SettingsValidator validator;
    private final SettingsProperties properties;
    private final AccessGuard guard;

    SettingsService(
            UserSettingRepository settings,
            UserService users,
            SettingsIdentityRepository identities,
            SettingsValidator validator,
            SettingsProperties properties,
            AccessGuard guard) {
        this.settings = settings;
        this.users = users;
        this.identities = identities;
        this.validator = validator;
        this.properties = properties;
        this.guard = guard;
    }

    /** One statement, so the rows and the identity come from one snapshot, never half of a concurrent replace. */
    public SettingsMap get(Caller caller, UUID userId) {
        guard.checkRead(caller, Data.SETTINGS, userId);
        return current(userId);
    }

    /** POST: the body becomes the whole stored set, in one transaction under the owner's row lock. */
    @Transactional
    public void replace(Caller caller, UUID userId, JsonNode body) {
        guard.checkWrite(caller, Data.SETTINGS, userId);
        apply(userId, validator.replacement(body));
    }

    /** PATCH: only what the body names changes; answers the whole resulting map. */
    @Transactional
    public SettingsMap patch(Caller caller, UUID userId, JsonNode body) {
        guard.checkWrite(caller, Data.SETTINGS, userId);
        apply(userId, validator.patch(body));
        return current(userId);
    }

    public SettingsCatalog catalog() {
        Map<String, ModelChoice> defaults = new LinkedHashMap<>();
        for (ServiceType service : ServiceType.values()) {
            defaults.put(service.key(), properties.defaultFor(service));
        }
        return new SettingsCatalog(properties.providers(), properties.suggestedModels(), defaults);
    }

    private void apply(UUID userId, SettingsWrite write) {
        // Serialises writers of this user across instances: each sees the complete set the previous one left.
        users.lockById(userId).orElseThrow(UserNotFoundException::new);
        Map<ServiceType, ModelChoice> toInsert = new EnumMap<>(write.chosen());
        for (UserSetting row : settings.findByUserId(userId)) {
            ServiceType service = ServiceType.fromKey(row.getServiceType()).orElse(null);
            if (service != null && toInsert.containsKey(service)) {
                // Updated in place, never deleted and re-inserted: the unique (user_id, service_type) stays satisfied.
                ModelChoice choice = toInsert.remove(service);
                settings.choose(row.getId(), choice.provider(), choice.model());
            } else if (write.replace() || write.cleared().contains(service)) {
                settings.deleteById(row.getId());
            }
        }
        toInsert.forEach((service, choice) -> settings.insert(new UserSetting(userId, service, choice)));
        if (write.identityGiven()) {
            setIdentity(userId, write.identityId());
        }
    }

    private void setIdentity(UUID userId, String identityId) {
        boolean stored = identities.findById(userId).isPresent();
        if (identityId == null) {
            if (stored) {
                identities.deleteById(userId);
            }
        } else if (!stored) {
            identities.insert(new SettingsIdentity(userId, identityId));
        } else {
            identities.setIdentityId(userId, identityId);
        }
    }

    private SettingsMap current(UUID userId) {
        List<UserSettingRepository.StoredRow> rows = settings.findStored(userId);
        if (rows.isEmpty()) {
            throw new UserNotFoundException();
        }
        Map<ServiceType, ModelChoice> stored = new EnumMap<>(ServiceType.class);
        // Rows of service types this version does not know (Python-era leftovers) are not part of the map.
        for (UserSettingRepository.StoredRow row : rows) {
            if (row.serviceType() != null) {
                ServiceType.fromKey(row.serviceType())
                        .ifPresent(s -> stored.put(s, new ModelChoice(row.provider(), row.modelName())));
            }
        }
        String identityId = rows.get(0).identityId();
        if (stored.isEmpty() && identityId == null) {
            return SettingsMap.EMPTY;
        }
        return new SettingsMap(
                stored.getOrDefault(ServiceType.AGENT, properties.defaultFor(ServiceType.AGENT)),
                stored.getOrDefault(ServiceType.RAG, properties.defaultFor(ServiceType.RAG)),
                stored.getOrDefault(ServiceType.QUIZ, properties.defaultFor(ServiceType.QUIZ)),
                identityId);
    }
}
