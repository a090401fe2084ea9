package io.github.betterauthjava.jwt;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The sessions among {@code sessionIds} that exist, by id; an id without a session is absent.
     * For re-checking many long-lived connections (server-sent events, WebSockets) at once; the
     * session check itself asks {@link #find}. The default asks {@link #find} once per id;
     * {@link JdbcBetterAuthSessions} reads many in one statement.
     *
     * @throws SessionsUnavailableException when the answer cannot be known right now
     */
    default Map<String, BetterAuthSession> findAll(Collection<String> sessionIds) {
        Map<String, BetterAuthSession> found = new HashMap<>();
        for (String id : sessionIds) {
            find(id).ifPresent(session -> found.put(id, session));
        }
        return found;
    }
}
