package org.llmtutor.userservice.common;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param maxBodyBytes the largest request body accepted; larger ones get 413 before anything parses them */
@Validated
@ConfigurationProperties("app.web")
public record WebProperties(@Positive long maxBodyBytes) {}
