package io.github.betterauthjava.jwt;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * The person a verified Better Auth token speaks for: the authenticated principal.
 *
 * <p>Controllers receive it with {@code @AuthenticationPrincipal BetterAuthUser user} in Spring,
 * and {@link VerifiedToken#user()} from the core.
 *
 * @param id    the user id: the token's {@code sub} (nothing else: a {@code userId} claim is
 *              how Better Auth names the user in its email-verification link); never blank
 * @param email the {@code email} claim, or {@code null} when the token has none
 * @param name  the {@code name} claim, or {@code null} when the token has none
 */
public record BetterAuthUser(String id, String email, String name) implements Serializable {

    /** Refuses a blank id. */
    public BetterAuthUser {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A Better Auth user needs a non-blank id");
        }
    }

    /**
     * The user a verified token's claims name in {@code sub}, or empty when they name none; a
     * claim of the wrong JSON type names none.
     */
    public static Optional<BetterAuthUser> fromClaims(Map<String, Object> claims) {
        return UserClaims.userOf(claims);
    }
}
