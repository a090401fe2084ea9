package io.github.betterauthjava.jwt;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of Better Auth's {@code apikey} table (api-key plugin), as far as a resource server
 * needs it. Holds no secret: Better Auth stores only a hash of the key, and this record not even that.
 *
 * @param id        the key's id (Better Auth's {@code id}; what its list and delete endpoints name)
 * @param userId    the owner ({@code referenceId} of a key whose configuration references users)
 * @param enabled   {@code false} once the key was disabled with {@code api-key/update}
 * @param expiresAt when the key stops working, or {@code null} for a key that never expires
 * @param email     the owner's email address (Better Auth's user table), or {@code null}
 * @param name      the owner's name, or {@code null}
 */
public record BetterAuthApiKey(
        String id, String userId, boolean enabled, Instant expiresAt, String email, String name) {

    public BetterAuthApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
    }

    /** The owner as the principal a token of theirs would be. */
    public BetterAuthUser user() {
        return new BetterAuthUser(userId, email, name);
    }

    /** The key rule: enabled and not expired at {@code now} (Better Auth refuses {@code now > expiresAt}). */
    public boolean usableAt(Instant now) {
        return enabled && (expiresAt == null || !now.isAfter(expiresAt));
    }
}
