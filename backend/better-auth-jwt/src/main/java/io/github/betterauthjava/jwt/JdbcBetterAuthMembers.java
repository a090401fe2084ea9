package io.github.betterauthjava.jwt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads Better Auth's {@code member} table (organization plugin, 1.7 schema: {@code "id"},
 * {@code "organizationId"}, {@code "userId"}, {@code "role"}, {@code "createdAt"}), read-only:
 * {@code SELECT "role" FROM "member" WHERE "organizationId" = ? AND "userId" = ?}. Both columns are
 * indexed by Better Auth's migration. Removing a member deletes the row; deleting the organization
 * or the user deletes it too (Better Auth's foreign keys cascade).
 *
 * <p>Every SQL failure becomes a {@link MembershipsUnavailableException} whose message says what is
 * wrong without echoing the database's own text.
 */
public final class JdbcBetterAuthMembers implements BetterAuthMembers {

    /** Better Auth's own name for the table. */
    public static final String DEFAULT_TABLE = "member";

    private final DataSource dataSource;
    private final String table;
    private final String sql;
    private final int queryTimeoutSeconds;

    public JdbcBetterAuthMembers(DataSource dataSource, String table) {
        this(dataSource, table, JdbcBetterAuthSessions.DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout a slow database answers 503 after this (whole seconds, at least 1) */
    public JdbcBetterAuthMembers(DataSource dataSource, String table, Duration queryTimeout) {
        this.dataSource = dataSource;
        this.table = quotedTable(table);
        this.sql = "SELECT \"role\" FROM " + this.table + " WHERE \"organizationId\" = ? AND \"userId\" = ?";
        this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
    }

    @Override
    public Optional<BetterAuthMember> find(String organizationId, String userId) {
        try {
            return query(organizationId, userId);
        } catch (SQLException e) {
            String reason = reason(e);
            throw new MembershipsUnavailableException(
                    reason == null
                            ? "Team memberships cannot be checked right now: the database is unavailable. Try again in a"
                                    + " few seconds."
                            : "Team memberships cannot be checked: " + reason + ". Try again later.",
                    e);
        }
    }

    /** Why the table cannot be read, or empty when it can: for a warning at start-up. */
    public Optional<String> problem() {
        try {
            query("", "");
            return Optional.empty();
        } catch (SQLException e) {
            String reason = reason(e);
            return Optional.of((reason == null ? "the database is unavailable" : reason) + " ("
                    + SessionCheck.firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The table, as quoted SQL ({@code "member"}, {@code "auth"."member"}), for applications that join it. */
    public String table() {
        return table;
    }

    private Optional<BetterAuthMember> query(String organizationId, String userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            statement.setString(1, organizationId);
            statement.setString(2, userId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                // Better Auth refuses a second membership of one user; should one exist, its roles count too.
                List<String> column = new ArrayList<>();
                do {
                    column.add(rows.getString(1));
                } while (rows.next());
                return Optional.of(
                        new BetterAuthMember(organizationId, userId, BetterAuthMember.roles(String.join(",", column))));
            }
        }
    }

    private String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "42P01", "3F000" ->
                "Better Auth's member table " + table
                        + " does not exist in the database (is the organization plugin on, and migrated?)";
            case "42703" ->
                "Better Auth's member table " + table
                        + " lacks the columns \"organizationId\", \"userId\" or \"role\" of Better Auth 1.7";
            case "42501" -> "the database user may not read Better Auth's member table " + table;
            default -> null;
        };
    }

    /**
     * The configured table name, validated and quoted: one identifier or {@code schema.table}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String quotedTable(String name) {
        return JdbcBetterAuthSessions.quotedTable(name, "better-auth.member-table", DEFAULT_TABLE);
    }
}
