package org.llmtutor.userservice.shared;

/**
 * A setting the service cannot run with. The message names the variable to fix and says how; {@link
 * StartupFailureAnalyzers} prints it as the start-up failure report, without a stack trace.
 */
public class RefusedSettingException extends IllegalStateException {

    public RefusedSettingException(String message) {
        super(message);
    }
}
