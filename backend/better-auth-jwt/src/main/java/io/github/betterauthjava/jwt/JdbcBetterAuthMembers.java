package io.github.betterauthjava.jwt;

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

    private final BetterAuthTable<MembershipsUnavailableException> table;
    private final String sql;

    public JdbcBetterAuthMembers(DataSource dataSource, String table) {
        this(dataSource, table, BetterAuthTable.DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout a slow database answers 503 after this (whole seconds, at least 1) */
    public JdbcBetterAuthMembers(DataSource dataSource, String table, Duration queryTimeout) {
        this.table = new BetterAuthTable<>(
                dataSource,
                quotedTable(table),
                queryTimeout,
                "Team memberships",
                "member",
                " does not exist in the database (is the organization plugin on, and migrated?)",
                " lacks the columns \"organizationId\", \"userId\" or \"role\" of Better Auth 1.7",
                MembershipsUnavailableException::new);
        this.sql = "SELECT \"role\" FROM " + this.table.table() + " WHERE \"organizationId\" = ? AND \"userId\" = ?";
    }

    @Override
    public Optional<BetterAuthMember> find(String organizationId, String userId) {
        return table.query(
                sql, statement -> bind(statement, organizationId, userId), rows -> read(rows, organizationId, userId));
    }

    /** Why the table cannot be read, or empty when it can: for a warning at start-up. */
    public Optional<String> problem() {
        return table.problem(sql, statement -> bind(statement, "", ""));
    }

    /** The table, as quoted SQL ({@code "member"}, {@code "auth"."member"}), for applications that join it. */
    public String table() {
        return table.table();
    }

    private static void bind(PreparedStatement statement, String organizationId, String userId) throws SQLException {
        statement.setString(1, organizationId);
        statement.setString(2, userId);
    }

    private static Optional<BetterAuthMember> read(ResultSet rows, String organizationId, String userId)
            throws SQLException {
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

    /**
     * The configured table name, validated and quoted: one identifier or {@code schema.table}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String quotedTable(String name) {
        return BetterAuthTable.quoted(name, "better-auth.member-table", DEFAULT_TABLE);
    }
}
