package io.github.betterauthjava.jwt;

import java.time.Duration;

/**
 * How API keys are checked.
 *
 * @param cacheTtl     how long a looked-up key (found or not) is remembered: the longest a revoked,
 *                     disabled or deleted key keeps working; 0 s to 5 s, as the session check's
 * @param cacheSize    how many answers are remembered at most; 1 or more
 * @param maxKeyLength longer keys are refused without a query (Better Auth's are 64 characters plus
 *                     a prefix of at most 32); 16 to 1024
 */
public record ApiKeyCheckSettings(Duration cacheTtl, long cacheSize, int maxKeyLength) {

    /** The longest an answer is remembered: a revoked key stops working within 5 s, as an ended session does. */
    public static final Duration MAX_CACHE_TTL = SessionCheckSettings.MAX_CACHE_TTL;

    public static final int DEFAULT_MAX_KEY_LENGTH = 256;

    /** Checked: a bad value throws {@link IllegalArgumentException} naming it. */
    public ApiKeyCheckSettings {
        if (cacheTtl == null) {
            cacheTtl = MAX_CACHE_TTL;
        }
        if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("better-auth.api-keys.cache-ttl must be between 0s and "
                    + MAX_CACHE_TTL.toSeconds() + "s (a revoked key must stop working within 5 s), was " + cacheTtl);
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("better-auth.api-keys.cache-size must be 1 or more, was " + cacheSize);
        }
        if (maxKeyLength < 16 || maxKeyLength > 1024) {
            throw new IllegalArgumentException(
                    "better-auth.api-keys.max-key-length must be between 16 and 1024, was " + maxKeyLength);
        }
    }

    /** Every default: 5 s, 10000 answers, 256 characters. */
    public static ApiKeyCheckSettings defaults() {
        return new ApiKeyCheckSettings(MAX_CACHE_TTL, 10_000, DEFAULT_MAX_KEY_LENGTH);
    }
}
