package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.Outcome;
import io.github.betterauthjava.jwt.TokenRejectedException;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The core's refusal in Spring's terms. Extends {@link BadJwtException} because Spring's
 * {@code JwtAuthenticationProvider} turns exactly that type into a 401
 * ({@code InvalidBearerTokenException}); any other {@code JwtException} would become a 500.
 */
final class TokenRejected extends BadJwtException {

    private final transient Outcome outcome;

    TokenRejected(TokenRejectedException rejected) {
        super(rejected.getMessage(), rejected);
        this.outcome = rejected.outcome();
    }

    Outcome outcome() {
        return outcome;
    }
}
