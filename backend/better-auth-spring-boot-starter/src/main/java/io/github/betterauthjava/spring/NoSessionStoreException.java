package io.github.betterauthjava.spring;

/**
 * The session check is on but there is nothing to look sessions up in. Never skipped silently: a
 * token of an ended session would pass. {@link NoSessionStoreFailureAnalyzer} turns it into Boot's
 * "APPLICATION FAILED TO START" with the fix.
 */
final class NoSessionStoreException extends IllegalStateException {

    private final String mode;

    NoSessionStoreException(String mode) {
        super("better-auth.session-check is " + mode
                + " but there is nothing to look sessions up in: add a DataSource for Better Auth's database,"
                + " define a BetterAuthSessions bean, or set better-auth.session-check=off");
        this.mode = mode;
    }

    String mode() {
        return mode;
    }
}
