package io.github.betterauthjava.spring;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A refused token. Extends {@link BadJwtException} because Spring's
 * {@code JwtAuthenticationProvider} turns exactly that type into a 401
 * ({@code InvalidBearerTokenException}); any other {@code JwtException} would become a 500.
 * The message is shown to the client (RFC 6750 {@code error_description}): it says what is
 * wrong and never repeats the token.
 */
final class TokenRejected extends BadJwtException {

    private final transient Outcome outcome;

    TokenRejected(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    TokenRejected(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
