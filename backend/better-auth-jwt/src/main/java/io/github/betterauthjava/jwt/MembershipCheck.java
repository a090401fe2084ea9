package io.github.betterauthjava.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

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
    public static final int MAX_ID_LENGTH = 256;
    /** The 503's message when memberships cannot be looked up. */
    public static final String UNAVAILABLE =
            "Team memberships cannot be checked right now. Try again in a few seconds.";

    private static final System.Logger log = System.getLogger(MembershipCheck.class.getName());

    private record Key(String organizationId, String userId) {}

    private final BetterAuthMembers members;
    private final Duration ttl;
    private final Cache<Key, Optional<BetterAuthMember>> cache;
    private final ConcurrentHashMap<Key, CompletableFuture<Optional<BetterAuthMember>>> inFlight =
            new ConcurrentHashMap<>();

    /** @param members where memberships are looked up, e.g. {@link JdbcBetterAuthMembers} */
    public MembershipCheck(MembershipCheckSettings settings, BetterAuthMembers members) {
        this(settings, members, InstantSource.system());
    }

    /** @param clock decides expiry (a test moves it by hand) */
    public MembershipCheck(MembershipCheckSettings settings, BetterAuthMembers members, InstantSource clock) {
        this.members = Objects.requireNonNull(members, "members");
        this.ttl = settings.cacheTtl();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(ttl)
                .build();
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
        Key key = new Key(organizationId, userId);
        Optional<BetterAuthMember> known = cache.getIfPresent(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<Optional<BetterAuthMember>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<BetterAuthMember>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            known = cache.getIfPresent(key); // another lookup may have finished since our miss
            if (known == null) {
                known = load(key);
                if (!ttl.isZero()) {
                    cache.put(key, known);
                }
            }
            mine.complete(known);
            return known;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // not remembered: the next request asks again
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Forgets what is remembered of this pair, e.g. right after the application itself changed it. */
    public void forget(String organizationId, String userId) {
        cache.invalidate(new Key(organizationId, userId));
    }

    private Optional<BetterAuthMember> load(Key key) {
        try {
            Optional<BetterAuthMember> found = members.find(key.organizationId(), key.userId());
            if (found == null) {
                throw new IllegalStateException(members.getClass().getName() + ".find returned null");
            }
            return found;
        } catch (RuntimeException e) {
            MembershipsUnavailableException unavailable = e instanceof MembershipsUnavailableException known
                    ? known
                    : new MembershipsUnavailableException(UNAVAILABLE, e);
            log.log(
                    System.Logger.Level.WARNING,
                    "Better Auth membership check: lookup failed, answering 503: " + unavailable.getMessage()
                            + (unavailable.getCause() == null
                                    ? ""
                                    : " ("
                                            + SessionCheck.firstLine(
                                                    unavailable.getCause().toString()) + ")"));
            throw unavailable;
        }
    }

    private static Optional<BetterAuthMember> join(CompletableFuture<Optional<BetterAuthMember>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MembershipsUnavailableException unavailable) {
                throw unavailable;
            }
            throw new MembershipsUnavailableException(UNAVAILABLE, e.getCause());
        }
    }

    private static boolean plausible(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }

    /** How many answers are remembered now (after pending evictions). */
    public long cachedMemberships() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    @Override
    public String toString() {
        return "MembershipCheck[cacheTtl=" + ttl + ", members="
                + members.getClass().getSimpleName() + "]";
    }
}
