package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.SessionCheckMode;
import io.github.betterauthjava.jwt.SessionCheckSettings;
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

    /** Checked: the core's {@link SessionCheckSettings} and {@link JdbcBetterAuthSessions#quotedTable(String)} decide. */
    public SessionCheckProperties {
        try {
            sessionCheck = SessionCheckMode.parse(sessionCheck == null || sessionCheck.isBlank() ? "off" : sessionCheck)
                    .value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "better-auth.session-check (BETTER_AUTH_SESSION_CHECK) " + e.getMessage());
        }
        sessionCacheTtl = new SessionCheckSettings(
                        SessionCheckMode.parse(sessionCheck), sessionCacheTtl, sessionCacheSize)
                .cacheTtl();
        sessionTable = sessionTable == null || sessionTable.isBlank() ? DEFAULT_TABLE : sessionTable.strip();
        JdbcBetterAuthSessions.quotedTable(sessionTable);
    }

    /** These properties as the core's settings. */
    public SessionCheckSettings settings() {
        return new SessionCheckSettings(mode(), sessionCacheTtl, sessionCacheSize);
    }

    /** Every default, with this mode. */
    public static SessionCheckProperties of(SessionCheckMode mode) {
        return new SessionCheckProperties(mode.value(), SessionCheckSettings.MAX_CACHE_TTL, 10_000, DEFAULT_TABLE);
    }

    /** The parsed mode. */
    public SessionCheckMode mode() {
        return SessionCheckMode.parse(sessionCheck);
    }
}
