package io.github.betterauthjava.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether and how a token's Better Auth session is checked ({@code better-auth.session-*}).
 * Checked at start-up like {@link BetterAuthProperties}: a bad value stops the application with
 * a message naming it.
 *
 * @param sessionCheck     {@code off} (default), {@code if-present} or {@code required}; also
 *                         read from {@code BETTER_AUTH_SESSION_CHECK}
 * @param sessionCacheTtl  how long a live session is remembered before it is looked up again:
 *                         the longest a token keeps working after its session ended. At most
 *                         5 s (SPEC 1.6), default 5 s; {@code 0s} looks every request up
 * @param sessionCacheSize how many sessions are remembered at most
 * @param sessionTable     Better Auth's session table, optionally schema-qualified
 *                         ({@code auth.session}); letters, digits and {@code _} only
 */
@ConfigurationProperties("better-auth")
public record SessionCheckProperties(
        @DefaultValue("off") String sessionCheck,
        @DefaultValue("5s") Duration sessionCacheTtl,
        @DefaultValue("10000") long sessionCacheSize,
        @DefaultValue(DEFAULT_TABLE) String sessionTable) {

    public static final String DEFAULT_TABLE = "session";
    static final Duration MAX_CACHE_TTL = Duration.ofSeconds(5);

    public SessionCheckProperties {
        try {
            sessionCheck = SessionCheckMode.parse(sessionCheck == null || sessionCheck.isBlank() ? "off" : sessionCheck).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("better-auth.session-check (BETTER_AUTH_SESSION_CHECK) " + e.getMessage());
        }
        if (sessionCacheTtl == null) {
            sessionCacheTtl = MAX_CACHE_TTL;
        }
        if (sessionCacheTtl.isNegative() || sessionCacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            // Longer would let a token outlive its session by more than SPEC 1.6 allows.
            throw new IllegalArgumentException("better-auth.session-cache-ttl must be between 0s and " + MAX_CACHE_TTL.toSeconds()
                    + "s (an ended session must end at the API within 5 s), was " + sessionCacheTtl);
        }
        if (sessionCacheSize < 1) {
            throw new IllegalArgumentException("better-auth.session-cache-size must be 1 or more, was " + sessionCacheSize);
        }
        sessionTable = sessionTable == null || sessionTable.isBlank() ? DEFAULT_TABLE : sessionTable.strip();
        JdbcBetterAuthSessions.quotedTable(sessionTable);
    }

    /** Every default, with this mode. */
    public static SessionCheckProperties of(SessionCheckMode mode) {
        return new SessionCheckProperties(mode.value(), MAX_CACHE_TTL, 10_000, DEFAULT_TABLE);
    }

    public SessionCheckMode mode() {
        return SessionCheckMode.parse(sessionCheck);
    }
}
