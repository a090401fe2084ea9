package io.github.betterauthjava.jwt;

import java.util.Objects;

/**
 * A refused token: answer 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}.
 * The message says what is wrong, may be shown to the client (RFC 6750
 * {@code error_description}) and never repeats the token; {@link #outcome()} says why, for
 * metrics and for code that treats reasons differently.
 */
public final class TokenRejectedException extends RuntimeException {

    private final transient Outcome outcome;

    /**
     * @param outcome why the token was refused
     * @param message what is wrong, safe to show to the client
     */
    public TokenRejectedException(Outcome outcome, String message) {
        this(outcome, message, null);
    }

    /**
     * @param outcome why the token was refused
     * @param message what is wrong, safe to show to the client
     * @param cause   what a library threw, or {@code null}
     */
    public TokenRejectedException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** Why the token was refused. */
    public Outcome outcome() {
        return outcome;
    }
}
