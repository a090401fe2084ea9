package io.github.betterauthjava.jwt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads Better Auth's {@code session} table (1.7 schema: camelCase columns) by primary key,
 * read-only: {@code SELECT "id", "userId", "expiresAt" FROM "session" WHERE "id" = ?}.
 *
 * <p>Every SQL failure becomes a {@link SessionsUnavailableException} whose message says
 * what is wrong without echoing the database's own text: the table is missing (Better Auth has
 * not migrated yet), unreadable, or the database is unavailable.
 */
public final class JdbcBetterAuthSessions implements BetterAuthSessions {

    /** Ids per statement in {@link #findAll}: a bounded statement however many are asked for. */
    static final int IDS_PER_QUERY = 100;

    private final BetterAuthTable<SessionsUnavailableException> table;

    public JdbcBetterAuthSessions(DataSource dataSource, String table) {
        this(dataSource, table, BetterAuthTable.DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout a slow database answers 503 after this (whole seconds, at least 1) */
    public JdbcBetterAuthSessions(DataSource dataSource, String table, Duration queryTimeout) {
        this.table = new BetterAuthTable<>(
                dataSource,
                quotedTable(table),
                queryTimeout,
                "Sessions",
                "session",
                " does not exist in the database (Better Auth has not migrated it yet?)",
                " lacks the columns \"id\", \"userId\" or \"expiresAt\" of Better Auth 1.7",
                SessionsUnavailableException::new);
    }

    @Override
    public Optional<BetterAuthSession> find(String sessionId) {
        return Optional.ofNullable(findAll(List.of(sessionId)).get(sessionId));
    }

    /** One statement per {@value #IDS_PER_QUERY} ids. */
    @Override
    public Map<String, BetterAuthSession> findAll(Collection<String> sessionIds) {
        List<String> ids = new ArrayList<>(sessionIds);
        Map<String, BetterAuthSession> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            found.putAll(table.query(
                    select(chunk.size()), statement -> bind(statement, chunk), JdbcBetterAuthSessions::read));
        }
        return Collections.unmodifiableMap(found);
    }

    /** Why the table cannot be read, or empty when it can: for a warning at start-up. */
    public Optional<String> problem() {
        return table.problem(select(1), statement -> statement.setString(1, ""));
    }

    /**
     * SQL for an application that binds a write to the session of the token that made it: one row
     * while session {@code ?1} of user {@code ?2} exists and has not expired, and that row locked
     * {@code FOR KEY SHARE} until the transaction ends, so a concurrent sign-out or account deletion
     * waits for the write, or the write sees the session gone. Parameters are positional
     * ({@code ?}): the session's id, then its user's id.
     */
    public String lockStatement() {
        return "SELECT 1 FROM " + table.table() + " s WHERE s.\"id\" = ? AND s.\"userId\" = ? AND s.\"expiresAt\" >"
                + " now() FOR KEY SHARE";
    }

    private String select(int ids) {
        return "SELECT \"id\", \"userId\", \"expiresAt\" FROM " + table.table() + " WHERE \"id\" "
                + (ids == 1 ? "= ?" : "IN (" + String.join(", ", Collections.nCopies(ids, "?")) + ")");
    }

    private static void bind(java.sql.PreparedStatement statement, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setString(i + 1, ids.get(i));
        }
    }

    private static Map<String, BetterAuthSession> read(ResultSet rows) throws SQLException {
        Map<String, BetterAuthSession> found = new HashMap<>();
        while (rows.next()) {
            String id = rows.getString(1);
            String userId = rows.getString(2);
            Timestamp expiresAt = rows.getTimestamp(3);
            // Both columns are NOT NULL in Better Auth; a row without them is no live session.
            if (id != null && userId != null && expiresAt != null) {
                found.put(id, new BetterAuthSession(userId, expiresAt.toInstant()));
            }
        }
        return found;
    }

    /**
     * The configured table name, validated and quoted: one identifier or {@code schema.table},
     * each of letters, digits and {@code _} (PostgreSQL's 63-character limit).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String quotedTable(String name) {
        return BetterAuthTable.quoted(name, "better-auth.session-table", "session");
    }

    @Override
    public String toString() {
        return "JdbcBetterAuthSessions[" + table.table() + "]";
    }
}
