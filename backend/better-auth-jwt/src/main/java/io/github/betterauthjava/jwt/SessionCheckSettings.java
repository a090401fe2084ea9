package io.github.betterauthjava.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how a token's Better Auth session is checked.
 *
 * @param mode      {@link SessionCheckMode#OFF}, {@link SessionCheckMode#IF_PRESENT} or {@link SessionCheckMode#REQUIRED}
 * @param cacheTtl  how long a live session is remembered before it is looked up again: the
 *                  longest a token keeps working after its session ended; 0 s to 5 s (SPEC 1.6)
 * @param cacheSize how many sessions are remembered at most; 1 or more
 */
public record SessionCheckSettings(SessionCheckMode mode, Duration cacheTtl, long cacheSize) {

    /** The longest a live session is remembered: an ended session must end at the API within 5 s. */
    public static final Duration MAX_CACHE_TTL = Duration.ofSeconds(5);

    /** Checked: a bad value throws {@link IllegalArgumentException} naming it. */
    public SessionCheckSettings {
        Objects.requireNonNull(mode, "mode");
        if (cacheTtl == null) {
            cacheTtl = MAX_CACHE_TTL;
        }
        if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            // Longer would let a token outlive its session by more than SPEC 1.6 allows.
            throw new IllegalArgumentException(
                    "better-auth.session-cache-ttl must be between 0s and " + MAX_CACHE_TTL.toSeconds()
                            + "s (an ended session must end at the API within 5 s), was " + cacheTtl);
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("better-auth.session-cache-size must be 1 or more, was " + cacheSize);
        }
    }

    /** Every default (5 s, 10000 sessions), with this mode. */
    public static SessionCheckSettings of(SessionCheckMode mode) {
        return new SessionCheckSettings(mode, MAX_CACHE_TTL, 10_000);
    }
}
