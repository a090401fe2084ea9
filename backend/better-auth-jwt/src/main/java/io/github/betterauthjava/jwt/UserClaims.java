package io.github.betterauthjava.jwt;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides who a token speaks for.
 *
 * <p>The id is {@code sub}; Better Auth's {@code jwt.getSubject} option can drop it, in which case
 * its {@code userId} claim (older Better Auth versions) names the user. A claim of the wrong
 * JSON type is refused rather than coerced ({@code "sub": 42} must not become user "42").
 */
final class UserClaims {

    private UserClaims() {}

    static Optional<BetterAuthUser> userOf(Map<String, Object> claims) {
        Object sub = claims.get("sub");
        Object userId = claims.get("userId");
        if ((sub != null && !(sub instanceof String)) || (userId != null && !(userId instanceof String))) {
            return Optional.empty();
        }
        String id = nonBlank((String) sub);
        if (id == null) {
            id = nonBlank((String) userId);
        }
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new BetterAuthUser(id, text(claims.get("email")), text(claims.get("name"))));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
