package org.llmtutor.userservice.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.llmtutor.userservice.auth.AccessGuard;
import org.llmtutor.userservice.auth.AccessGuard.Data;
import org.llmtutor.userservice.common.ApiException;
import org.llmtutor.userservice.user.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** A user's LLM preferences: read as the whole map the Web UI expects, replaced or merged as one change. */
@Service
public class SettingsService {

    /** The services of the platform that have settings, in the order the map answers them. */
    public static final List<String> SERVICES = List.of("agent", "rag", "quiz");

    private static final String NOT_FOUND = "User not found";

    private final UserSettingRepository settings;
    private final UserRepository users;
    private final AccessGuard guard;
    private final SettingsProperties properties;

    SettingsService(
            UserSettingRepository settings, UserRepository users, AccessGuard guard, SettingsProperties properties) {
        this.settings = settings;
        this.users = users;
        this.guard = guard;
        this.properties = properties;
    }

    /**
     * {@code {}} while the user has stored nothing; otherwise every service (defaults filling those never stored) and
     * {@code identityId} when set, because the UI replaces its whole state with a non-empty answer.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> get(UUID userId) {
        guard.checkRead(Data.SETTINGS, userId);
        if (!settings.userExists(userId)) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return current(userId);
    }

    /** Replaces the whole stored set with the body: services it leaves out go back to the defaults. */
    @Transactional
    public void replace(UUID userId, JsonNode body) {
        guard.checkWrite(Data.SETTINGS, userId);
        SettingsChange change = SettingsChange.parse(body, properties.providers());
        lockOwner(userId);
        settings.deleteServices(userId, SERVICES);
        settings.flush();
        store(userId, change.services());
        settings.saveIdentity(userId, change.identity());
    }

    /** Changes only what the body names and answers the resulting map. */
    @Transactional
    public Map<String, Object> merge(UUID userId, JsonNode body) {
        guard.checkWrite(Data.SETTINGS, userId);
        SettingsChange change = SettingsChange.parse(body, properties.providers());
        lockOwner(userId);
        if (!change.services().isEmpty()) {
            settings.deleteServices(userId, change.services().keySet());
            settings.flush();
            store(userId, change.services());
        }
        if (change.identityGiven()) {
            settings.saveIdentity(userId, change.identity());
        }
        return current(userId);
    }

    /** What a settings screen offers: the services, the allowed providers, suggested models and the defaults. */
    public Map<String, Object> catalog() {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("services", SERVICES);
        catalog.put("providers", properties.providers());
        Map<String, List<String>> models = new LinkedHashMap<>();
        properties
                .providers()
                .forEach(p -> models.put(p, properties.suggestedModels().getOrDefault(p, List.of())));
        catalog.put("models", models);
        Map<String, ServiceSetting> defaults = new LinkedHashMap<>();
        SERVICES.forEach(s -> defaults.put(s, properties.defaults().get(s)));
        catalog.put("defaults", defaults);
        return catalog;
    }

    private Map<String, Object> current(UUID userId) {
        Map<String, ServiceSetting> stored = new LinkedHashMap<>();
        settings.findByUserIdAndServiceTypeIn(userId, SERVICES)
                .forEach(row -> stored.put(row.serviceType(), row.setting()));
        String identity = settings.findIdentity(userId).orElse(null);
        Map<String, Object> map = new LinkedHashMap<>();
        if (stored.isEmpty() && identity == null) {
            return map;
        }
        SERVICES.forEach(
                s -> map.put(s, stored.getOrDefault(s, properties.defaults().get(s))));
        if (identity != null) {
            map.put(SettingsChange.IDENTITY, identity);
        }
        return map;
    }

    private void lockOwner(UUID userId) {
        users.lockById(userId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    private void store(UUID userId, Map<String, ServiceSetting> services) {
        services.forEach(
                (service, setting) -> settings.save(new UserSetting(UUID.randomUUID(), userId, service, setting)));
    }
}
