package io.github.betterauthjava.jwt;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

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

    /** The claim naming the Better Auth session (added with {@code jwt.definePayload}). */
    static final String SID = "sid";
    /** Longer {@code sid} values are refused as malformed. */
    static final int MAX_SID_LENGTH = 256;
    /** The refusal's message when the session has ended. */
    static final String ENDED = "The session this token belongs to has ended; sign in again";

    static final String NO_SID = "The token names no session (sid claim): this API accepts only tokens issued for a"
            + " Better Auth session; sign in again";
    /** The 503's message when sessions cannot be looked up. */
    static final String UNAVAILABLE = "Sessions cannot be checked right now. Try again in a few seconds.";

    private static final System.Logger log = System.getLogger(SessionCheck.class.getName());

    private final SessionCheckMode mode;
    private final BetterAuthSessions sessions;
    private final Duration liveFor;
    private final InstantSource clock;
    private final BetterAuthMetrics metrics;
    private final CachedLookup<String, Lookup, SessionsUnavailableException> cache;

    /**
     * @param settings the mode and cache
     * @param sessions where sessions are looked up, e.g. {@link JdbcBetterAuthSessions}
     */
    public SessionCheck(SessionCheckSettings settings, BetterAuthSessions sessions) {
        this(settings, sessions, InstantSource.system(), BetterAuthMetrics.NONE);
    }

    /**
     * @param settings the mode and cache
     * @param sessions where sessions are looked up
     * @param clock    decides expiry
     * @param metrics  counts outcomes and lookups
     */
    public SessionCheck(
            SessionCheckSettings settings,
            BetterAuthSessions sessions,
            InstantSource clock,
            BetterAuthMetrics metrics) {
        this.mode = settings.mode();
        this.sessions = sessions;
        this.liveFor = settings.cacheTtl();
        this.clock = clock;
        this.metrics = metrics;
        this.cache = new CachedLookup<>(
                log,
                "session check",
                settings.cacheSize(),
                clock,
                (sid, lookup) -> untilLater(lookup.keepUntil()),
                SessionsUnavailableException.class,
                SessionsUnavailableException::new,
                UNAVAILABLE,
                metrics::sessionLookup);
        metrics.gauge(BetterAuthMetrics.SESSION_CACHE_SIZE, cache::estimatedSize);
    }

    /** Whether sessions are checked. */
    public SessionCheckMode mode() {
        return mode;
    }

    /**
     * Passes when the token may be used; throws {@link TokenRejectedException} (401) when its session has
     * ended or a required {@code sid} is missing, {@link SessionsUnavailableException} (503)
     * when the session cannot be looked up.
     */
    void check(Map<String, Object> claims, Instant expiresAt, String userId) {
        if (mode == SessionCheckMode.OFF) {
            return;
        }
        Object sid = claims.get(SID);
        if (sid == null) {
            metrics.sessionCheck(SessionOutcome.NO_SID);
            if (mode == SessionCheckMode.REQUIRED) {
                throw new TokenRejectedException(Outcome.NO_SESSION, NO_SID);
            }
            return;
        }
        if (!(sid instanceof String id) || id.isBlank() || id.length() > MAX_SID_LENGTH) {
            throw new TokenRejectedException(
                    Outcome.MALFORMED,
                    "The token's sid is not a session id (a non-empty string of at most " + MAX_SID_LENGTH
                            + " characters)");
        }
        Optional<BetterAuthSession> session;
        try {
            session = lookup(id, expiresAt).session();
        } catch (SessionsUnavailableException e) {
            metrics.sessionCheck(SessionOutcome.UNAVAILABLE);
            throw e;
        }
        if (!isLive(session, userId, clock.instant())) {
            metrics.sessionCheck(SessionOutcome.ENDED);
            throw new TokenRejectedException(Outcome.SESSION_ENDED, ENDED);
        }
        metrics.sessionCheck(SessionOutcome.LIVE);
    }

    /** The session rule: it exists, it is this user's (a token must not borrow another's), it has not expired. */
    static boolean isLive(Optional<BetterAuthSession> session, String userId, Instant now) {
        return session.isPresent()
                && session.get().userId().equals(userId)
                && now.isBefore(session.get().expiresAt());
    }

    private Lookup lookup(String sid, Instant tokenExpiry) {
        return cache.get(sid, id -> load(id, tokenExpiry));
    }

    /** Asks the store; an ended session is remembered until the token expires (it never comes back). */
    private Lookup load(String sid, Instant tokenExpiry) {
        Optional<BetterAuthSession> session = sessions.find(sid);
        if (session == null) {
            return null; // a broken store: CachedLookup answers 503 and says why in the log
        }
        Instant now = clock.instant();
        boolean ended = session.isEmpty() || !now.isBefore(session.get().expiresAt());
        return new Lookup(session, ended ? later(now, tokenExpiry) : now.plus(liveFor));
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
        return cache.size();
    }

    /** One lookup's answer and how long it may be reused. */
    private record Lookup(Optional<BetterAuthSession> session, Instant keepUntil) {}

    @Override
    public String toString() {
        return "SessionCheck[mode=" + mode.value() + ", cacheTtl=" + liveFor + ", sessions="
                + sessions.getClass().getSimpleName() + "]";
    }
}
