package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.BetterAuthSessionTable;
import dev.tasks.api.support.TestPostgres;
import dev.tasks.api.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A write (here: a new task, the first owned resource) is stored only while its token's Better Auth session exists (SPEC 1.6: nothing of a
 * deleted user remains), even while the session check still has the session cached as live.
 * The deletions here are what the web app's account deletion does: lock the user's session rows
 * FOR UPDATE, delete their tasks, delete the sessions, commit. Interleavings are forced with real
 * row locks and observed in {@code pg_stat_activity}, never with sleeps.
 */
class SessionBoundWritesTest extends ApiTest {

    @Autowired
    OwnedWrites writes;

    @Autowired
    JdbcClient jdbc;

    /** A Better Auth authentication as the security chain makes it: the user's name, the verified token. */
    private static Authentication token(String user, String session) {
        return new TestingAuthenticationToken(
                user,
                Jwt.withTokenValue("t")
                        .header("alg", "EdDSA")
                        .subject(user)
                        .claim("sid", session)
                        .build());
    }

    /** Inserts a task for {@code user} in a session-bound write; false when the write was refused. */
    private boolean insert(String user, String session) {
        try {
            writes.run(token(user, session), Owner.user(user), this.insertStatement(user));
            return true;
        } catch (InvalidBearerTokenException refused) {
            assertThat(refused.getMessage()).isEqualTo(OwnedWrites.SESSION_ENDED);
            return false;
        }
    }

    private java.util.function.Supplier<Integer> insertStatement(String user) {
        return () -> jdbc.sql("insert into tasks.tasks (user_id, title) values (:user, 'written while it lives')")
                .param("user", user)
                .update();
    }

    @BeforeAll
    static void betterAuthHasMigrated() {
        BetterAuthSessionTable.createTable();
    }

    @Test
    void aWriteRunsOnlyForALiveUnexpiredSessionOfTheSameUser() throws SQLException {
        String user = newUser();
        String session = BetterAuthSessionTable.signIn(user);
        assertThat(insert(user, session)).isTrue();

        String other = newUser();
        assertThat(insert(other, session)).as("another user's session").isFalse();
        assertThat(insert(user, "no-such-session")).as("no session").isFalse();
        update(
                "UPDATE \"session\" SET \"expiresAt\" = ? WHERE \"id\" = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                session);
        assertThat(insert(user, session)).as("expired").isFalse();

        assertThat(rowsOf(user)).isEqualTo(1);
        assertThat(rowsOf(other)).isZero();
    }

    @Test
    void aTaskPostedAfterItsSessionWasDeletedIsRefusedLikeAnEndedSessionAndNotStored() throws SQLException {
        String user = newUser();
        String session = BetterAuthSessionTable.signIn(user);
        String token = TestTokens.forSession(user, session);
        assertThat(api().post(tasksOf(user), token, "{\"title\":\"before\"}").status())
                .isEqualTo(201);

        deleteAccountRows(user);
        Response late = api().post(tasksOf(user), token, "{\"title\":\"after the deletion\"}");

        assertThat(late.status()).isEqualTo(401);
        assertThat(late.json().get("detail").asString()).isEqualTo(OwnedWrites.SESSION_ENDED);
        assertThat(rowsOf(user)).isZero();
        // Once the session check's cache has let go of the session, it refuses the token itself: the same answer.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api().get(tasksOf(user), token).status() == 401);
        Response checked = api().post(tasksOf(user), token, "{\"title\":\"later still\"}");
        assertThat(late.header("WWW-Authenticate")).isPresent().isEqualTo(checked.header("WWW-Authenticate"));
        assertThat(late.json().get("detail")).isEqualTo(checked.json().get("detail"));
        assertThat(late.contentType()).isEqualTo(checked.contentType());
    }

    @Test
    void aDeletionThatLockedTheSessionFirstMakesTheInsertWaitAndFindNothing() throws Exception {
        String user = newUser();
        String token = TestTokens.forSession(user, BetterAuthSessionTable.signIn(user));
        assertThat(api().post(tasksOf(user), token, "{\"title\":\"before\"}").status())
                .isEqualTo(201);

        try (Connection deletion = TestPostgres.connect()) {
            deletion.setAutoCommit(false);
            lockSessionsAndDelete(deletion, user);
            // The session check passes (its cache, or a read of the row not yet deleted); the insert must wait.
            CompletableFuture<Response> post = CompletableFuture.supplyAsync(
                    () -> api().post(tasksOf(user), token, "{\"title\":\"racing the deletion\"}"));
            awaitInsertWaitingOnALock();
            assertThat(post).isNotDone();
            deletion.commit();

            Response answer = post.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("detail").asString()).isEqualTo(OwnedWrites.SESSION_ENDED);
        }
        assertThat(rowsOf(user)).isZero();
    }

    @Test
    void aWriteThatLockedTheSessionFirstMakesTheDeletionWaitAndWhatItWroteIsDeletedWithTheRest() {
        String user = newUser();
        String session = BetterAuthSessionTable.signIn(user);

        // The deletion starts while the write's transaction is open, after its session lock.
        CompletableFuture<Void> deletion = writes.run(token(user, session), Owner.user(user), () -> {
            insertStatement(user).get();
            CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
                try {
                    deleteAccountRows(user);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitWaitingOnALock("SELECT 1 FROM \"session\"%");
            assertThat(started).isNotDone();
            return started;
        });
        try {
            deletion.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
        assertThat(rowsOf(user)).isZero();
    }

    @Test
    void anEndedSessionRefusesEveryKindOfWriteNotOnlyInserts() {
        String user = newUser();
        String token = TestTokens.forSession(user, BetterAuthSessionTable.signIn(user));
        long id = api().post(tasksOf(user), token, "{\"title\":\"kept\",\"labels\":[\"kept\"]}")
                .json()
                .get("id")
                .asLong();
        // Signed out: the session row goes, the task stays (not an account deletion).
        execute("DELETE FROM \"session\" WHERE \"userId\" = ?", user);
        assertThat(api().put(tasksOf(user) + "/" + id, token, "{\"title\":\"changed\"}")
                        .status())
                .isEqualTo(401);
        assertThat(api().patch(tasksOf(user) + "/" + id + "/complete", token).status())
                .isEqualTo(401);
        assertThat(api().delete(tasksOf(user) + "/" + id, token).status()).isEqualTo(401);
        assertThat(api().post(tasksOf(user) + "/" + id + "/move", token, "{\"after\":null}")
                        .status())
                .isEqualTo(401);
        // Lists and labels write through the same plumbing.
        assertThat(api().post("/api/" + user + "/lists", token, "{\"name\":\"late\"}")
                        .status())
                .isEqualTo(401);
        assertThat(api().delete("/api/" + user + "/labels/kept", token).status())
                .isEqualTo(401);
        assertThat(rowsOf(user)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tasks.lists WHERE user_id = ?", user))
                .isZero();
        assertThat(api().get(tasksOf(user) + "/" + id, TestTokens.forUser(user))
                        .json()
                        .get("labels")
                        .get(0)
                        .asString())
                .isEqualTo("kept");
    }

    private static long count(String sql, String user) {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, user);
            return firstLong(query.executeQuery());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenWithoutSidStillCreatesTasks() throws SQLException {
        String user = newUser();
        assertThat(api().post(tasksOf(user), TestTokens.forUser(user), "{\"title\":\"no sid\"}")
                        .status())
                .isEqualTo(201);
        assertThat(rowsOf(user)).isEqualTo(1);
    }

    private static String tasksOf(String user) {
        return "/api/" + user + "/tasks";
    }

    /** The web app's account deletion, committed at once. */
    private static void deleteAccountRows(String user) throws SQLException {
        try (Connection connection = TestPostgres.connect()) {
            connection.setAutoCommit(false);
            lockSessionsAndDelete(connection, user);
            connection.commit();
        }
    }

    /** The web app's deletion order (lib/account/account-deletion.ts), without the user table task-api does not have. */
    private static void lockSessionsAndDelete(Connection connection, String user) throws SQLException {
        for (String sql : new String[] {
            "SELECT 1 FROM \"session\" WHERE \"userId\" = ? FOR UPDATE",
            "DELETE FROM tasks.tasks WHERE user_id = ?",
            "DELETE FROM \"session\" WHERE \"userId\" = ?"
        }) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, user);
                statement.execute();
            }
        }
    }

    private static void awaitInsertWaitingOnALock() {
        awaitWaitingOnALock("SELECT 1 FROM \"session\"%"); // OwnedWrites' session lock (the library's lockStatement)
    }

    /** Until a statement starting with {@code pattern} waits on a lock (pg_stat_activity), at most 30 s. */
    private static void awaitWaitingOnALock(String pattern) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try (Connection connection = TestPostgres.connect();
                            PreparedStatement query =
                                    connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                                            + " WHERE wait_event_type = 'Lock' AND query LIKE ?")) {
                        query.setString(1, pattern);
                        return firstLong(query.executeQuery()) > 0;
                    }
                });
    }

    private static long rowsOf(String user) {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM tasks.tasks WHERE user_id = ?")) {
            query.setString(1, user);
            return firstLong(query.executeQuery());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql, String user) {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Timestamp at, String id) throws SQLException {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, at);
            statement.setString(2, id);
            statement.executeUpdate();
        }
    }

    private static long firstLong(ResultSet rows) {
        try (rows) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
