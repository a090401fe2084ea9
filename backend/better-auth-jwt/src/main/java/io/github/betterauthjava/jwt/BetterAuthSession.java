package io.github.betterauthjava.jwt;

import java.time.Instant;
import java.util.Objects;

/**
 * What the session check needs of a row of Better Auth's {@code session} table.
 *
 * @param userId    whose session it is ({@code "userId"})
 * @param expiresAt when it ends unless Better Auth extends it ({@code "expiresAt"})
 */
public record BetterAuthSession(String userId, Instant expiresAt) {

    public BetterAuthSession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
