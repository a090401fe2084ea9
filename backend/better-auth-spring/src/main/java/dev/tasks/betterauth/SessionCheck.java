package dev.tasks.betterauth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The one place that decides whether a token's Better Auth session still stands (SPEC 1.6).
 *
 * <p>A token naming a session in {@code sid} is accepted only while that session exists, belongs
 * to the token's user and has not expired ({@code expiresAt > now}). Lookups go to
 * {@link BetterAuthSessions} and are remembered per {@code sid}: a found session for the cache
 * TTL (at most 5 s: how long a token may outlive its session), an ended one until the token's
 * {@code exp} (an ended session never comes back). Concurrent requests for one {@code sid} share
 * one lookup. A failed lookup is not remembered and answers 503, never 401, never a pass.
 */
public final class SessionCheck {

    static final String SID = "sid";
    static final int MAX_SID_LENGTH = 256;
    static final String ENDED = "The session this token belongs to has ended; sign in again";
    static final String NO_SID = "The token names no session (sid claim): this API accepts only tokens issued for a"
            + " Better Auth session; sign in again";
    static final String UNAVAILABLE = "Sessions cannot be checked right now. Try again in a few seconds.";
    private static final Logger log = LoggerFactory.getLogger(SessionCheck.class);

    private final SessionCheckMode mode;
    private final BetterAuthSessions sessions;
    private final Duration liveFor;
    private final InstantSource clock;
    private final BetterAuthMetrics metrics;
    private final AsyncCache<String, Lookup> cache;

    public SessionCheck(SessionCheckProperties properties, BetterAuthSessions sessions) {
        this(properties, sessions, InstantSource.system(), BetterAuthMetrics.NONE);
    }

    SessionCheck(SessionCheckProperties properties, BetterAuthSessions sessions, InstantSource clock, BetterAuthMetrics metrics) {
        this.mode = properties.mode();
        this.sessions = sessions;
        this.liveFor = properties.sessionCacheTtl();
        this.clock = clock;
        this.metrics = metrics;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.sessionCacheSize())
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Lookup>creating((sid, lookup) -> untilLater(lookup.keepUntil())))
                .buildAsync();
        metrics.gauge(BetterAuthMetrics.SESSION_CACHE_SIZE, cache.synchronous()::estimatedSize);
    }

    public SessionCheckMode mode() {
        return mode;
    }

    /**
     * Passes when the token may be used; throws {@link TokenRejected} (401) when its session has
     * ended or a required {@code sid} is missing, {@link SessionCheckUnavailableException} (503)
     * when the session cannot be looked up.
     */
    void check(Jwt jwt, String userId) {
        if (mode == SessionCheckMode.OFF) {
            return;
        }
        Object sid = jwt.getClaims().get(SID);
        if (sid == null) {
            metrics.sessionCheck(SessionOutcome.NO_SID);
            if (mode == SessionCheckMode.REQUIRED) {
                throw new TokenRejected(Outcome.NO_SESSION, NO_SID);
            }
            return;
        }
        if (!(sid instanceof String id) || id.isBlank() || id.length() > MAX_SID_LENGTH) {
            throw new TokenRejected(Outcome.MALFORMED, "The token's sid is not a session id (a non-empty string of at most "
                    + MAX_SID_LENGTH + " characters)");
        }
        Optional<BetterAuthSession> session;
        try {
            session = lookup(id, jwt.getExpiresAt()).session();
        } catch (SessionCheckUnavailableException e) {
            metrics.sessionCheck(SessionOutcome.UNAVAILABLE);
            throw e;
        }
        if (!isLive(session, userId, clock.instant())) {
            metrics.sessionCheck(SessionOutcome.ENDED);
            throw new TokenRejected(Outcome.SESSION_ENDED, ENDED);
        }
        metrics.sessionCheck(SessionOutcome.LIVE);
    }

    /** The session rule: it exists, it is this user's (a token must not borrow another's), it has not expired. */
    static boolean isLive(Optional<BetterAuthSession> session, String userId, Instant now) {
        return session.isPresent() && session.get().userId().equals(userId) && now.isBefore(session.get().expiresAt());
    }

    private Lookup lookup(String sid, Instant tokenExpiry) {
        CompletableFuture<Lookup> known = cache.getIfPresent(sid);
        if (known == null) {
            CompletableFuture<Lookup> mine = new CompletableFuture<>();
            known = cache.asMap().putIfAbsent(sid, mine);
            if (known == null) {
                metrics.sessionLookup(false);
                return load(sid, tokenExpiry, mine);
            }
        }
        metrics.sessionLookup(true);
        try {
            return known.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof SessionCheckUnavailableException unavailable ? unavailable
                    : new SessionCheckUnavailableException(UNAVAILABLE, e.getCause());
        }
    }

    /** Runs on the requesting thread, outside any cache lock; other requests for the sid wait on {@code pending}. */
    private Lookup load(String sid, Instant tokenExpiry, CompletableFuture<Lookup> pending) {
        try {
            Optional<BetterAuthSession> session = sessions.find(sid);
            if (session == null) {
                throw new IllegalStateException(sessions.getClass().getName() + ".find returned null");
            }
            Instant now = clock.instant();
            boolean gone = session.isEmpty() || !now.isBefore(session.get().expiresAt());
            Lookup lookup = new Lookup(session, gone ? later(now, tokenExpiry) : now.plus(liveFor));
            pending.complete(lookup);
            return lookup;
        } catch (RuntimeException e) {
            SessionCheckUnavailableException unavailable = e instanceof SessionCheckUnavailableException known ? known
                    : new SessionCheckUnavailableException(UNAVAILABLE, e);
            log.warn("Better Auth session check: lookup failed, answering 503: {}{}", unavailable.getMessage(),
                    unavailable.getCause() == null ? "" : " (" + unavailable.getCause() + ")");
            // Not remembered: the next request asks again.
            cache.asMap().remove(sid, pending);
            pending.completeExceptionally(unavailable);
            throw unavailable;
        } catch (Error e) {
            cache.asMap().remove(sid, pending);
            pending.completeExceptionally(e);
            throw e;
        }
    }

    private Duration untilLater(Instant instant) {
        Duration left = Duration.between(clock.instant(), instant);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** How many sessions are remembered now (after pending evictions). */
    long cachedSessions() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    /** One lookup's answer and how long it may be reused. */
    private record Lookup(Optional<BetterAuthSession> session, Instant keepUntil) {
    }

    @Override
    public String toString() {
        return "SessionCheck[mode=" + mode.value() + ", cacheTtl=" + liveFor + ", sessions=" + sessions.getClass().getSimpleName() + "]";
    }
}
