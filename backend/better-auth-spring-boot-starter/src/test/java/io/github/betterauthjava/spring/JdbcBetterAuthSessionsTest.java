package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.BetterAuthSession;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.SessionsUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The JDBC store against a real PostgreSQL holding Better Auth 1.7's session table. */
class JdbcBetterAuthSessionsTest {

    private static EmbeddedPostgres postgres;
    private static BetterAuthSessionTable table;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        table = new BetterAuthSessionTable(postgres.getPostgresDatabase(), "\"session\"");
        table.create();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void findsASessionByIdWithItsUserAndExpiry() {
        Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        table.insert("sess-found", "user-1", expiresAt);

        Optional<BetterAuthSession> found =
                new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "session").find("sess-found");

        assertThat(found).contains(new BetterAuthSession("user-1", expiresAt));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "session").find("no-such-session"))
                .isEmpty();
    }

    @Test
    void findsManySessionsAtOnceAcrossStatementsAndLeavesOutTheUnknown() {
        Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        table.insert("sess-many-1", "user-1", expiresAt);
        table.insert("sess-many-250", "user-2", expiresAt);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add("sess-many-" + i);
        }
        ids.add("sess-many-250");

        Map<String, BetterAuthSession> found =
                new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "session").findAll(ids);

        assertThat(found)
                .containsOnly(
                        Map.entry("sess-many-1", new BetterAuthSession("user-1", expiresAt)),
                        Map.entry("sess-many-250", new BetterAuthSession("user-2", expiresAt)));
    }

    @Test
    void theLockStatementFindsOnlyALiveSessionOfItsUser() throws SQLException {
        table.insert("sess-lock", "user-1", Instant.now().plus(1, ChronoUnit.DAYS));
        table.insert("sess-lock-expired", "user-1", Instant.now().minusSeconds(1));
        String lock = new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "session").lockStatement();

        assertThat(rows(lock, "sess-lock", "user-1")).isEqualTo(1);
        assertThat(rows(lock, "sess-lock", "user-2")).as("another user's").isZero();
        assertThat(rows(lock, "sess-lock-expired", "user-1")).as("expired").isZero();
        assertThat(rows(lock, "no-such-session", "user-1")).isZero();
    }

    private static int rows(String sql, String sessionId, String userId) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            statement.setString(1, sessionId);
            statement.setString(2, userId);
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            connection.rollback();
            return rows;
        }
    }

    @Test
    void readsASchemaQualifiedTable() {
        new BetterAuthSessionTable(postgres.getPostgresDatabase(), "").sql("CREATE SCHEMA IF NOT EXISTS auth");
        BetterAuthSessionTable other =
                new BetterAuthSessionTable(postgres.getPostgresDatabase(), "\"auth\".\"session\"");
        other.create();
        other.insert("sess-auth", "user-2", Instant.now().plusSeconds(60));

        assertThat(new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "auth.session").find("sess-auth"))
                .map(BetterAuthSession::userId)
                .contains("user-2");
    }

    @Test
    void aMissingTableIsUnavailableNamingTheTable() {
        JdbcBetterAuthSessions sessions =
                new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "better_auth_session");

        assertThatThrownBy(() -> sessions.find("sess-x"))
                .isInstanceOf(SessionsUnavailableException.class)
                .hasMessageContaining("\"better_auth_session\" does not exist");
        assertThat(sessions.problem())
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("\"better_auth_session\" does not exist")
                        .contains("relation"));
    }

    @Test
    void aReadableTableHasNoProblem() {
        assertThat(new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), "session").problem())
                .isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsUnavailable() throws IOException {
        PGSimpleDataSource nobodyListens = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        nobodyListens.setServerNames(new String[] {"127.0.0.1"});
        nobodyListens.setUser("postgres");
        JdbcBetterAuthSessions sessions = new JdbcBetterAuthSessions(nobodyListens, "session");

        assertThatThrownBy(() -> sessions.find("sess-x"))
                .isInstanceOf(SessionsUnavailableException.class)
                .hasMessageContaining("the database is unavailable");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"session\"; DROP TABLE users; --", "a.b.c", "", "1session", "se ssion", ".session", "session."})
    void refusesATableNameThatIsNotAPlainIdentifier(String name) {
        assertThatThrownBy(() -> new JdbcBetterAuthSessions(postgres.getPostgresDatabase(), name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("better-auth.session-table");
    }

    @Test
    void quotesTheTableName() {
        assertThat(JdbcBetterAuthSessions.quotedTable("session")).isEqualTo("\"session\"");
        assertThat(JdbcBetterAuthSessions.quotedTable("auth.Session_2")).isEqualTo("\"auth\".\"Session_2\"");
    }
}
