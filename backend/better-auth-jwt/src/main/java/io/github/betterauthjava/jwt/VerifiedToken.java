package io.github.betterauthjava.jwt;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A token that passed every rule: who it speaks for and what it says.
 *
 * @param user      the user ({@code sub}, else {@code userId}; {@code email}, {@code name})
 * @param sessionId the Better Auth session id ({@code sid}), or {@code null} when the token names none
 * @param expiresAt {@code exp}
 * @param header    the JOSE header, unmodifiable
 * @param claims    every claim as JSON decoded it (numbers, strings, lists, maps), unmodifiable
 */
public record VerifiedToken(
        BetterAuthUser user,
        String sessionId,
        Instant expiresAt,
        Map<String, Object> header,
        Map<String, Object> claims) {

    /** Copies the maps; {@code user} and {@code expiresAt} are required. */
    public VerifiedToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expiresAt, "expiresAt");
        header = Map.copyOf(header);
        claims = Map.copyOf(claims);
    }
}
