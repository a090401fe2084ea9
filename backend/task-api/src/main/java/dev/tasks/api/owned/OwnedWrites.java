package dev.tasks.api.owned;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import io.github.betterauthjava.jwt.BetterAuthApiKeys;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.JdbcBetterAuthApiKeys;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.spring.BetterAuthApiKeyAuthentication;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write of an owned resource: one transaction per request (nothing half-written), bound to
 * the token's Better Auth session, and told to the list cache.
 *
 * <p><b>Only while the session lives</b> (SPEC 1.6: nothing of a deleted user remains). The session
 * check may have the session cached as live for up to 5 s after it ended; an account deletion in
 * those seconds must not leave a resource behind. So when the token names a session ({@code sid})
 * and the session check reads Better Auth's table through JDBC, the transaction first locks the
 * session row {@code FOR KEY SHARE} (and finds it live, of this user, unexpired), and holds the lock
 * until it commits. The web app's deletion locks the user's session rows {@code FOR UPDATE} before
 * deleting their data, and the two locks conflict: a write that locked first makes the deletion
 * wait, and what it wrote is deleted with the rest; a deletion that locked first makes the write
 * wait, re-check the row, find it gone and write nothing: 401 with the session check's own refusal.
 * KEY SHARE (not SHARE) so Better Auth refreshing the session's {@code expiresAt} does not wait.
 * Tokens without {@code sid}, the check off, or a session store that is not the database: no row to
 * hold on to, the write runs as it is.
 *
 * <p><b>Only while the API key lives</b>: a write made with an API key locks the key's row the same
 * way (found, of this user, enabled, unexpired), so a key revoked or an account deleted is refused
 * for writes at once, not after the key check's cache; the web app's deletion locks the user's key
 * rows {@code FOR UPDATE} before deleting their data.
 *
 * <p><b>Told to the list cache</b> after the transaction, also after a failed one (it may have
 * committed before the error reached us): this instance's next list for the owner reads
 * PostgreSQL, so a client always sees its own change without waiting for the change log.
 */
@Component
public final class OwnedWrites {

    /** The verifier's words for an ended session, so a refused write reads like a refused token. */
    static final String SESSION_ENDED = "The session this token belongs to has ended; sign in again";
    /** Better Auth's claim naming the token's session (added with {@code jwt.definePayload}). */
    private static final String SID = "sid";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ListCache cache;
    /** The session lock's statement; empty when sessions are not checked in this database. */
    private final Optional<String> lockSession;
    /** The API key lock's statement; empty when keys are off or not read from this database. */
    private final Optional<String> lockApiKey;

    OwnedWrites(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ListCache cache,
            ObjectProvider<SessionCheck> sessionCheck,
            ObjectProvider<BetterAuthSessions> sessions,
            ObjectProvider<ApiKeyCheck> apiKeyCheck,
            ObjectProvider<BetterAuthApiKeys> apiKeys) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.cache = cache;
        this.lockSession = sessionCheck.getIfAvailable() != null
                        && sessions.getIfAvailable() instanceof JdbcBetterAuthSessions jdbcSessions
                ? Optional.of(jdbcSessions.lockStatement())
                : Optional.empty();
        this.lockApiKey = apiKeyCheck.getIfAvailable() != null
                        && apiKeys.getIfAvailable() instanceof JdbcBetterAuthApiKeys jdbcKeys
                ? Optional.of(jdbcKeys.lockStatement())
                : Optional.empty();
    }

    /**
     * Runs {@code write} (statements on the application's JdbcClient) in one transaction for the
     * authenticated user (a Better Auth authentication: its name is the user id, its credentials the
     * verified token), changing {@code owner}'s resources.
     *
     * @throws InvalidBearerTokenException (401) when the token's session no longer exists; nothing written
     */
    public <T> T run(Authentication authentication, Owner owner, Supplier<T> write) {
        try {
            return transactions.execute(status -> {
                sessionLock(authentication).ifPresent(this::lock);
                if (authentication instanceof BetterAuthApiKeyAuthentication key && lockApiKey.isPresent()) {
                    lockKey(key);
                }
                return write.get();
            });
        } finally {
            cache.changed(owner);
        }
    }

    private record Session(String userId, String sessionId) {}

    private Optional<Session> sessionLock(Authentication authentication) {
        Object sid = authentication.getCredentials() instanceof Jwt token
                ? token.getClaims().get(SID)
                : null;
        if (lockSession.isEmpty() || !(sid instanceof String sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new Session(authentication.getName(), sessionId));
    }

    private void lockKey(BetterAuthApiKeyAuthentication key) {
        boolean live = jdbc.sql(lockApiKey.orElseThrow())
                        .param(key.apiKey().id())
                        .param(key.getName())
                        .query()
                        .listOfRows()
                        .size()
                == 1;
        if (!live) {
            throw new InvalidBearerTokenException("The API key is unknown, revoked, disabled or expired");
        }
    }

    private void lock(Session session) {
        boolean live = jdbc.sql(lockSession.orElseThrow())
                        .param(session.sessionId())
                        .param(session.userId())
                        .query()
                        .listOfRows()
                        .size()
                == 1;
        if (!live) {
            throw new InvalidBearerTokenException(SESSION_ENDED);
        }
    }
}
