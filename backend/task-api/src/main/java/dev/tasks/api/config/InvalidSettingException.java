package dev.tasks.api.config;

/**
 * A configuration value the API cannot run with. The message names the environment variable
 * and says what a good value looks like; it never repeats a secret.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String variable;

    public InvalidSettingException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable at fault, e.g. {@code RATE_LIMIT_USER_RPS}. */
    public String variable() {
        return variable;
    }
}
