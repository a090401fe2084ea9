package io.github.betterauthjava.spring;

import java.io.Serializable;

/**
 * The person a verified Better Auth token speaks for: the authenticated principal.
 *
 * <p>Controllers receive it with {@code @AuthenticationPrincipal BetterAuthUser user}.
 *
 * @param id    the user id: the token's {@code sub}, or Better Auth's {@code userId} when a
 *              custom {@code jwt.getSubject} left {@code sub} out; never blank
 * @param email the {@code email} claim, or {@code null} when the token has none
 * @param name  the {@code name} claim, or {@code null} when the token has none
 */
public record BetterAuthUser(String id, String email, String name) implements Serializable {

    public BetterAuthUser {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A Better Auth user needs a non-blank id");
        }
    }
}
