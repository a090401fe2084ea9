package dev.tasks.api.owned;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A token refused by {@link OwnedWrites} (its session ended between the check and the write) is
 * answered by the security chain's entry point, exactly like a token the session check refuses:
 * rethrown past the catch-all problem handler (ordered after this one) to Spring Security's
 * exception translation.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RefusedTokens {

    @ExceptionHandler(AuthenticationException.class)
    void refusedToken(AuthenticationException refused) {
        throw refused;
    }
}
