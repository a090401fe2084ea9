package io.github.betterauthjava.jwt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads Better Auth's {@code session} table (1.7 schema: camelCase columns) by primary key,
 * read-only: {@code SELECT "userId", "expiresAt" FROM "session" WHERE "id" = ?}.
 *
 * <p>Every SQL failure becomes a {@link SessionsUnavailableException} whose message says
 * what is wrong without echoing the database's own text: the table is missing (Better Auth has
 * not migrated yet), unreadable, or the database is unavailable.
 */
public final class JdbcBetterAuthSessions implements BetterAuthSessions {

    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(3);
    /** An unquoted PostgreSQL identifier; anything else could break out of the quotes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String table;
    private final String sql;
    private final int queryTimeoutSeconds;

    public JdbcBetterAuthSessions(DataSource dataSource, String table) {
        this(dataSource, table, DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout a slow database answers 503 after this (whole seconds, at least 1) */
    public JdbcBetterAuthSessions(DataSource dataSource, String table, Duration queryTimeout) {
        this.dataSource = dataSource;
        this.table = quotedTable(table);
        this.sql = "SELECT \"userId\", \"expiresAt\" FROM " + this.table + " WHERE \"id\" = ?";
        this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
    }

    @Override
    public Optional<BetterAuthSession> find(String sessionId) {
        try {
            return query(sessionId);
        } catch (SQLException e) {
            String reason = reason(e);
            throw new SessionsUnavailableException(
                    reason == null
                            ? "Sessions cannot be checked right now: the database is unavailable. Try again in a few seconds."
                            : "Sessions cannot be checked: " + reason + ". Try again later.",
                    e);
        }
    }

    /** Why the table cannot be read, or empty when it can: for a warning at start-up. */
    public Optional<String> problem() {
        try {
            query("");
            return Optional.empty();
        } catch (SQLException e) {
            String reason = reason(e);
            return Optional.of((reason == null ? "the database is unavailable" : reason) + " ("
                    + SessionCheck.firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The table, as quoted SQL ({@code "session"}, {@code "auth"."session"}). */
    public String table() {
        return table;
    }

    private Optional<BetterAuthSession> query(String sessionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            statement.setString(1, sessionId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String userId = row.getString(1);
                Timestamp expiresAt = row.getTimestamp(2);
                // Both columns are NOT NULL in Better Auth; a row without them is no live session.
                return userId == null || expiresAt == null
                        ? Optional.empty()
                        : Optional.of(new BetterAuthSession(userId, expiresAt.toInstant()));
            }
        }
    }

    /**
     * What is wrong with the table, in words the client may see (the database's own text is not
     * shown), or {@code null} when the database itself is unavailable, down or slow.
     */
    private String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "42P01", "3F000" ->
                "Better Auth's session table " + table
                        + " does not exist in the database (Better Auth has not migrated it yet?)";
            case "42703" ->
                "Better Auth's session table " + table
                        + " lacks the columns \"id\", \"userId\" or \"expiresAt\" of Better Auth 1.7";
            case "42501" -> "the database user may not read Better Auth's session table " + table;
            default -> null;
        };
    }

    /**
     * The configured table name, validated and quoted: one identifier or {@code schema.table},
     * each of letters, digits and {@code _} (PostgreSQL's 63-character limit).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String quotedTable(String name) {
        return quotedTable(name, "better-auth.session-table", "session");
    }

    /** {@link #quotedTable(String)} for a table configured by {@code property}, e.g. Better Auth's {@code example}. */
    static String quotedTable(String name, String property, String example) {
        String[] parts = name == null ? new String[0] : name.split("\\.", -1);
        if (parts.length < 1
                || parts.length > 2
                || !Arrays.stream(parts)
                        .allMatch(part -> IDENTIFIER.matcher(part).matches())) {
            String shown = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
            throw new IllegalArgumentException(property + " must be a table name such as " + example + " or auth."
                    + example + " (letters, digits and _, at most 63 each), was '" + shown + "'");
        }
        return "\"" + String.join("\".\"", parts) + "\"";
    }
}
