package org.llmtutor.userservice.settings;

/** One service's LLM as the wire carries it: {@code {"provider": "zai", "model": "glm-4.6v"}}. */
public record ModelChoice(String provider, String model) {}
