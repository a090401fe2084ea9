package dev.tasks.api.task;

import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.SessionCheck;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * A new task is stored only while the token's Better Auth session still exists (SPEC 1.6: nothing
 * of a deleted user remains).
 *
 * <p>The session check may have the session cached as live for up to 5 s after it ended. Within
 * those seconds an account deletion could run between the check and the insert, and the task
 * would outlive its user. So when the token names a session ({@code sid}) and the session check
 * reads Better Auth's table through JDBC, the insert itself is conditional on the session row, in
 * one statement, and takes a {@code FOR KEY SHARE} lock on it. The web app's deletion locks the
 * user's session rows {@code FOR UPDATE} before deleting the tasks, and the two locks conflict:
 * an insert that locked first makes the deletion wait and its task is deleted with the rest; a
 * deletion that locked first makes the insert wait, re-check the row, find it gone and insert
 * nothing. KEY SHARE (not SHARE) so Better Auth refreshing the session's {@code expiresAt} does
 * not wait for inserts. Nothing inserted answers 401 with the session check's own refusal.
 *
 * <p>Tokens without {@code sid}, the check off, or a session store that is not the database: a
 * plain insert, as there is no session row to hold on to.
 */
@Component
class SessionBoundInsert {

    private final TaskRepository tasks;
    /** The session check's table, quoted; empty when sessions are not checked in this database. */
    private final Optional<String> sessionTable;

    SessionBoundInsert(
            TaskRepository tasks,
            ObjectProvider<SessionCheck> sessionCheck,
            ObjectProvider<BetterAuthSessions> sessions) {
        this.tasks = tasks;
        this.sessionTable = sessionCheck.getIfAvailable() != null
                        && sessions.getIfAvailable() instanceof JdbcBetterAuthSessions jdbc
                ? Optional.of(jdbc.table())
                : Optional.empty();
    }

    /**
     * Stores the task for the authenticated user (a Better Auth authentication: its name is the
     * user id, its credentials the verified token).
     *
     * @throws InvalidBearerTokenException (401) when the token's session no longer exists
     */
    Task insert(Authentication authentication, NewTask task) {
        String userId = authentication.getName();
        Object sid = authentication.getCredentials() instanceof Jwt token
                ? token.getClaims().get(SessionCheck.SID)
                : null;
        if (sessionTable.isEmpty() || !(sid instanceof String sessionId)) {
            return tasks.insert(userId, task);
        }
        return tasks.insertWhileSessionLives(userId, task, sessionTable.get(), sessionId)
                .orElseThrow(() -> new InvalidBearerTokenException(SessionCheck.ENDED));
    }
}
