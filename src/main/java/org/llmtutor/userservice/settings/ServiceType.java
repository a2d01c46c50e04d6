package org.llmtutor.userservice.settings;

import java.util.Arrays;
import java.util.Optional;

/** The platform services a user picks an LLM for; {@link #key()} is the settings key and the stored service_type. */
enum ServiceType {
    AGENT("agent"),
    RAG("rag"),
    QUIZ("quiz");

    private final String key;

    ServiceType(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Optional<ServiceType> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
