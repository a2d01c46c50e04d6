package org.llmtutor.userservice.settings;

/** The LLM one service of the platform uses for a user: {@code {"provider": "openai", "model": "gpt-4o-mini"}}. */
public record ServiceSetting(String provider, String model) {}
