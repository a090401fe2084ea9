package io.github.betterauthjava.jwt;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides who a token speaks for: {@code sub}, and nothing else.
 *
 * <p>Better Auth signs tokens for other purposes that name a user in other claims: its
 * email-verification link is an HS256 JWT with {@code userId} (valid 24 h), and with its secret
 * configured as the HS256 key, reading {@code userId} made that link an access token. So there
 * is no fallback. A claim of the wrong JSON type is refused rather than coerced
 * ({@code "sub": 42} must not become user "42").
 */
final class UserClaims {

    private UserClaims() {}

    static Optional<BetterAuthUser> userOf(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String sub) || sub.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BetterAuthUser(sub, text(claims.get("email")), text(claims.get("name"))));
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
