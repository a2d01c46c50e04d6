package org.llmtutor.userservice.admin.events;

/** The named service's active credential was revoked. */
public record ServiceTokenRevoked(String name) {}
