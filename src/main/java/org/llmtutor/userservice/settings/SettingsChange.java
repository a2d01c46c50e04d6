package org.llmtutor.userservice.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.llmtutor.userservice.common.ApiException;
import org.llmtutor.userservice.common.ErrorResponse.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * A settings body, checked as a whole: every bad field is reported at once and nothing is stored unless all are good.
 * Parsed from the JSON tree rather than bound to a record, so that a number where a string belongs, an unknown key or
 * a service that is not an object is named precisely instead of being coerced or ignored.
 *
 * @param services the services the body sets
 * @param identityGiven whether the body mentions {@code identityId} at all
 * @param identity the persona; null to clear it
 */
record SettingsChange(Map<String, ServiceSetting> services, boolean identityGiven, String identity) {

    static final String IDENTITY = "identityId";
    static final int MAX_MODEL_LENGTH = 200;
    static final int MAX_IDENTITY_LENGTH = 100;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/-]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static SettingsChange parse(JsonNode body, List<String> providers) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object of settings");
        }
        Map<String, ServiceSetting> services = new LinkedHashMap<>();
        boolean identityGiven = false;
        String identity = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (IDENTITY.equals(key)) {
                identityGiven = true;
                identity = identity(value, problems);
            } else if (SettingsService.SERVICES.contains(key)) {
                ServiceSetting setting = service(key, value, providers, problems);
                if (setting != null) {
                    services.put(key, setting);
                }
            } else {
                problems.add(new FieldProblem(
                        key,
                        "is not a setting (expected " + String.join(", ", SettingsService.SERVICES) + " or " + IDENTITY
                                + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new SettingsChange(services, identityGiven, identity);
    }

    private static ServiceSetting service(String key, JsonNode value, List<String> providers, List<FieldProblem> out) {
        if (!value.isObject()) {
            out.add(new FieldProblem(key, "must be an object with provider and model"));
            return null;
        }
        int before = out.size();
        for (String field : value.propertyNames()) {
            if (!field.equals("provider") && !field.equals("model")) {
                out.add(new FieldProblem(key + "." + field, "is not a setting (expected provider and model)"));
            }
        }
        String provider = text(key + ".provider", value.get("provider"), out);
        if (provider != null && !providers.contains(provider)) {
            out.add(new FieldProblem(key + ".provider", "must be one of " + String.join(", ", providers)));
        }
        String model = text(key + ".model", value.get("model"), out);
        if (model != null && model.length() > MAX_MODEL_LENGTH) {
            out.add(new FieldProblem(key + ".model", "must be at most " + MAX_MODEL_LENGTH + " characters"));
        } else if (model != null && !MODEL.matcher(model).matches()) {
            out.add(new FieldProblem(key + ".model", "may contain only letters, digits and . _ : / -"));
        }
        return out.size() == before ? new ServiceSetting(provider, model) : null;
    }

    private static String text(String field, JsonNode value, List<FieldProblem> out) {
        if (value == null || value.isNull()) {
            out.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!value.isString()) {
            out.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        if (value.stringValue().isBlank()) {
            out.add(new FieldProblem(field, "must not be blank"));
            return null;
        }
        return value.stringValue();
    }

    /** An empty or null identityId means "none chosen", as the UI sends it before the user picks a persona. */
    private static String identity(JsonNode value, List<FieldProblem> out) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            out.add(new FieldProblem(IDENTITY, "must be a string"));
            return null;
        }
        String identity = value.stringValue().strip();
        if (identity.length() > MAX_IDENTITY_LENGTH) {
            out.add(new FieldProblem(IDENTITY, "must be at most " + MAX_IDENTITY_LENGTH + " characters"));
        } else if (CONTROL.matcher(identity).find()) {
            out.add(new FieldProblem(IDENTITY, "must not contain control characters"));
        }
        return identity.isEmpty() ? null : identity;
    }
}
