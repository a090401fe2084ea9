package io.github.betterauthjava.jwt;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that decides whether a user is a member of a Better Auth organization, and with
 * which roles, for as long as a request takes: read from {@link BetterAuthMembers} (Better Auth's
 * {@code member} table), never from a token. A JWT lives 15 minutes; a membership can end any
 * second (removed, left, the organization or the account deleted) and a role can be lowered, and
 * either reaches the application within the cache TTL (at most 5 s), as an ended session does.
 *
 * <p>Both answers, member and not a member, are remembered per (organization, user) for the TTL: a
 * non-member asking again and again costs no query, and a new member waits at most as long.
 * Concurrent requests for one pair share one lookup. A failed lookup is not remembered and throws
 * {@link MembershipsUnavailableException}: answer 503, never a refusal, never a pass.
 */
public final class MembershipCheck {

    /** Longer organization or user ids are no Better Auth ids: not a member, no query. */
    static final int MAX_ID_LENGTH = 256;
    /** The 503's message when memberships cannot be looked up. */
    static final String UNAVAILABLE = "Team memberships cannot be checked right now. Try again in a few seconds.";

    private static final System.Logger log = System.getLogger(MembershipCheck.class.getName());

    private record Key(String organizationId, String userId) {}

    private final BetterAuthMembers members;
    private final Duration ttl;
    private final CachedLookup<Key, Optional<BetterAuthMember>, MembershipsUnavailableException> cache;

    /** @param members where memberships are looked up, e.g. {@link JdbcBetterAuthMembers} */
    public MembershipCheck(MembershipCheckSettings settings, BetterAuthMembers members) {
        this(settings, members, InstantSource.system());
    }

    /** @param clock decides expiry (a test moves it by hand) */
    public MembershipCheck(MembershipCheckSettings settings, BetterAuthMembers members, InstantSource clock) {
        this.members = Objects.requireNonNull(members, "members");
        this.ttl = settings.cacheTtl();
        this.cache = new CachedLookup<>(
                log,
                "membership check",
                settings.cacheSize(),
                clock,
                (key, member) -> ttl,
                MembershipsUnavailableException.class,
                MembershipsUnavailableException::new,
                UNAVAILABLE,
                CachedLookup.Listener.NONE);
    }

    /**
     * The user's membership of the organization as Better Auth's table said at most the cache TTL
     * ago; empty when they are not a member (or either id is blank or too long to be Better Auth's).
     *
     * @throws MembershipsUnavailableException when it cannot be known right now (answer 503)
     */
    public Optional<BetterAuthMember> member(String organizationId, String userId) {
        if (!plausible(organizationId) || !plausible(userId)) {
            return Optional.empty();
        }
        return cache.get(new Key(organizationId, userId), key -> members.find(key.organizationId(), key.userId()));
    }

    /** Forgets what is remembered of this pair, e.g. right after the application itself changed it. */
    public void forget(String organizationId, String userId) {
        cache.forget(new Key(organizationId, userId));
    }

    private static boolean plausible(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }

    /** How many answers are remembered now (after pending evictions). */
    long cachedMemberships() {
        return cache.size();
    }

    @Override
    public String toString() {
        return "MembershipCheck[cacheTtl=" + ttl + ", members="
                + members.getClass().getSimpleName() + "]";
    }
}
