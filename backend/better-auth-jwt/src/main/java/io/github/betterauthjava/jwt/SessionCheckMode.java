package io.github.betterauthjava.jwt;

import java.util.Locale;

/**
 * Whether a token's Better Auth session is looked up ({@code better-auth.session-check},
 * environment variable {@code BETTER_AUTH_SESSION_CHECK}).
 */
public enum SessionCheckMode {
    /** Tokens are valid until their {@code exp}, whatever became of their session. */
    OFF("off"),
    /** A token naming a session ({@code sid}) is checked; a token without one is accepted. */
    IF_PRESENT("if-present"),
    /** Every token must name a session, and it must be live. */
    REQUIRED("required");

    private final String value;

    SessionCheckMode(String value) {
        this.value = value;
    }

    /** The configuration value: {@code off}, {@code if-present} or {@code required}. */
    public String value() {
        return value;
    }

    /**
     * The one parser of the setting: exactly one of the three values, any letter case, spaces
     * around ignored.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SessionCheckMode parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SessionCheckMode mode : values()) {
            if (mode.value.equals(wanted)) {
                return mode;
            }
        }
        String shown = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        throw new IllegalArgumentException("must be off, if-present or required, was '"
                + (shown.length() <= 40 ? shown : shown.substring(0, 37) + "...") + "'");
    }
}
