package org.llmtutor.userservice.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.llmtutor.userservice.shared.FieldProblem;
import org.llmtutor.userservice.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a settings body into a {@link SettingsWrite}, or refuses it with a 422 naming every bad field. Nothing is
 * stored before the whole body has passed, so a refused body leaves the stored settings as they were.
 */
@Component
class SettingsValidator {

    static final String IDENTITY_KEY = "identityId";
    static final int MODEL_MAX_LENGTH = 200;
    static final int IDENTITY_MAX_LENGTH = 100;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/-]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Unknown keys are echoed back as field names; a client's megabyte-long key is not. */
    private static final int FIELD_ECHO_MAX = 100;

    private final SettingsProperties properties;

    SettingsValidator(SettingsProperties properties) {
        this.properties = properties;
    }

    static boolean isWellFormedModel(String model) {
        return model.length() <= MODEL_MAX_LENGTH && MODEL.matcher(model).matches();
    }

    /** POST: the body is the whole new set; what it leaves out is no longer stored. */
    SettingsWrite replacement(JsonNode body) {
        Parsed parsed = parse(body, false);
        Set<ServiceType> cleared = EnumSet.allOf(ServiceType.class);
        cleared.removeAll(parsed.chosen().keySet());
        return new SettingsWrite(parsed.chosen(), cleared, true, true, parsed.identityId());
    }

    /**
     * PATCH, with JSON merge patch (RFC 7396) meaning: keys left out stay as stored, a key given {@code null} drops
     * its stored value (a service falls back to its default).
     */
    SettingsWrite patch(JsonNode body) {
        Parsed parsed = parse(body, true);
        return new SettingsWrite(parsed.chosen(), parsed.cleared(), false, parsed.identityGiven(), parsed.identityId());
    }

    private record Parsed(
            Map<ServiceType, ModelChoice> chosen, Set<ServiceType> cleared, boolean identityGiven, String identityId) {}

    private Parsed parse(JsonNode body, boolean nullClears) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<ServiceType, ModelChoice> chosen = new EnumMap<>(ServiceType.class);
        Set<ServiceType> cleared = EnumSet.noneOf(ServiceType.class);
        boolean identityGiven = false;
        String identityId = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (IDENTITY_KEY.equals(key)) {
                identityGiven = true;
                identityId = identity(value, problems);
                continue;
            }
            ServiceType service = ServiceType.fromKey(key).orElse(null);
            if (service == null) {
                problems.add(new FieldProblem(echo(key), "is not a known setting (" + knownKeys() + ")"));
            } else if (value.isNull() && nullClears) {
                cleared.add(service);
            } else if (!value.isObject()) {
                problems.add(new FieldProblem(key, "must be an object with provider and model"));
            } else {
                ModelChoice choice = choice(key, value, problems);
                if (choice != null) {
                    chosen.put(service, choice);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        return new Parsed(chosen, cleared, identityGiven, identityId);
    }

    private ModelChoice choice(String key, JsonNode value, List<FieldProblem> problems) {
        int before = problems.size();
        for (String field : value.propertyNames()) {
            if (!field.equals("provider") && !field.equals("model")) {
                problems.add(new FieldProblem(key + "." + echo(field), "is not a known field (provider, model)"));
            }
        }
        String provider = requiredString(key + ".provider", value.get("provider"), problems);
        if (provider != null && !properties.providers().contains(provider)) {
            problems.add(
                    new FieldProblem(key + ".provider", "must be one of " + String.join(", ", properties.providers())));
        }
        String model = requiredString(key + ".model", value.get("model"), problems);
        if (model != null) {
            if (model.length() > MODEL_MAX_LENGTH) {
                problems.add(new FieldProblem(key + ".model", "must be at most " + MODEL_MAX_LENGTH + " characters"));
            } else if (!MODEL.matcher(model).matches()) {
                problems.add(
                        new FieldProblem(key + ".model", "may contain only letters, digits and . _ : / - (no spaces)"));
            }
        }
        return problems.size() == before ? new ModelChoice(provider, model) : null;
    }

    private static String requiredString(String field, JsonNode value, List<FieldProblem> problems) {
        if (value == null || value.isNull()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        if (value.stringValue().isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
            return null;
        }
        return value.stringValue();
    }

    /** The UI may send {@code null} for "no persona chosen"; that means none is stored. */
    private static String identity(JsonNode value, List<FieldProblem> problems) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(IDENTITY_KEY, "must be a string"));
            return null;
        }
        String identity = value.stringValue();
        if (identity.isBlank()) {
            problems.add(new FieldProblem(IDENTITY_KEY, "must not be blank"));
        } else if (identity.length() > IDENTITY_MAX_LENGTH) {
            problems.add(new FieldProblem(IDENTITY_KEY, "must be at most " + IDENTITY_MAX_LENGTH + " characters"));
        } else if (CONTROL.matcher(identity).find()) {
            problems.add(new FieldProblem(IDENTITY_KEY, "must not contain control characters"));
        }
        return identity;
    }

    private static String knownKeys() {
        List<String> keys = new ArrayList<>(
                Arrays.stream(ServiceType.values()).map(ServiceType::key).toList());
        keys.add(IDENTITY_KEY);
        return String.join(", ", keys);
    }

    private static String echo(String key) {
        return key.length() <= FIELD_ECHO_MAX ? key : key.substring(0, FIELD_ECHO_MAX) + "...";
    }
}
