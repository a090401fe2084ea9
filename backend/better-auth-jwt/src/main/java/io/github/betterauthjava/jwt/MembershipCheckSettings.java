package io.github.betterauthjava.jwt;

import java.time.Duration;

/**
 * How memberships are cached.
 *
 * @param cacheTtl  how long an answer (member with roles, or not a member) is remembered before
 *                  it is looked up again: the longest a removed member or a lowered role keeps its
 *                  old access, and a new member waits; 0 s to 5 s, as the session check's
 * @param cacheSize how many (organization, user) answers are remembered at most; 1 or more
 */
public record MembershipCheckSettings(Duration cacheTtl, long cacheSize) {

    /** The longest an answer is remembered: a removed member loses access within 5 s, as an ended session does. */
    public static final Duration MAX_CACHE_TTL = SessionCheckSettings.MAX_CACHE_TTL;

    /** Checked: a bad value throws {@link IllegalArgumentException} naming it. */
    public MembershipCheckSettings {
        if (cacheTtl == null) {
            cacheTtl = MAX_CACHE_TTL;
        }
        if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("better-auth.member-cache-ttl must be between 0s and "
                    + MAX_CACHE_TTL.toSeconds() + "s (a removed member must lose access within 5 s), was " + cacheTtl);
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("better-auth.member-cache-size must be 1 or more, was " + cacheSize);
        }
    }

    /** Every default: 5 s, 10000 answers. */
    public static MembershipCheckSettings defaults() {
        return new MembershipCheckSettings(MAX_CACHE_TTL, 10_000);
    }
}
