package org.llmtutor.userservice.shared;

/**
 * A bean whose construction refuses settings it cannot run with ({@link RefusedSettingException}). Such beans, and the
 * application's {@code @ConfigurationProperties} records, are made before any data source ({@link
 * SettingsBeforeDatabase}), so a refused start has not touched the schema. Their constructors take only settings.
 */
public interface SettingsCheck {}
