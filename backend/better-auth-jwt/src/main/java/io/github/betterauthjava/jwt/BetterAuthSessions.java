package io.github.betterauthjava.jwt;

import java.util.Optional;

/**
 * Where the session check looks a Better Auth session up by its id. The library ships
 * {@link JdbcBetterAuthSessions} (Better Auth's {@code session} table in a shared database); an
 * application that cannot reach that database defines its own bean, e.g. one asking Better Auth
 * over HTTP.
 */
@FunctionalInterface
public interface BetterAuthSessions {

    /**
     * The session with this id, or empty when there is none (signed out, revoked, deleted).
     *
     * <p>When the answer cannot be known (database down, timeout), throw: the request then gets
     * 503, never 401 and never a pass. Throw a {@link SessionsUnavailableException} to choose
     * the {@code detail} the client sees; any other exception gets a generic one.
     */
    Optional<BetterAuthSession> find(String sessionId);
}
