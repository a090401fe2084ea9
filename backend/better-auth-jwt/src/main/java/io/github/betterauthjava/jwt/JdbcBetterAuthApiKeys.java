package io.github.betterauthjava.jwt;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads Better Auth's {@code apikey} table (api-key plugin 1.7, {@code @better-auth/api-key}),
 * read-only, by the hash Better Auth stores in {@code "key"} (an indexed column):
 * <pre>{@code
 * SELECT k."id", k."referenceId", k."enabled", k."expiresAt", u."email", u."name" FROM "apikey" k
 *   JOIN "user" u ON u."id" = k."referenceId" WHERE k."key" = ? AND k."configId" = ?
 * }</pre>
 * The join keeps a key whose owner is gone from speaking for anyone (the plugin's
 * {@code referenceId} has no foreign key: it may name an organization under another configuration).
 * Only keys of one plugin configuration ({@code configId}, Better Auth's default {@code "default"})
 * are read: that configuration must reference users ({@code references: "user"}, the default).
 *
 * <p>Every SQL failure becomes an {@link ApiKeysUnavailableException} whose message says what is
 * wrong without echoing the database's own text.
 */
public final class JdbcBetterAuthApiKeys implements BetterAuthApiKeys {

    /** Better Auth's own names. */
    public static final String DEFAULT_TABLE = "apikey";

    public static final String DEFAULT_USER_TABLE = "user";
    public static final String DEFAULT_CONFIG_ID = "default";

    private final BetterAuthTable<ApiKeysUnavailableException> table;
    private final String configId;
    private final String sql;

    /** Better Auth's default tables and configuration. */
    public JdbcBetterAuthApiKeys(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE, DEFAULT_USER_TABLE, DEFAULT_CONFIG_ID);
    }

    public JdbcBetterAuthApiKeys(DataSource dataSource, String table, String userTable, String configId) {
        this(dataSource, table, userTable, configId, BetterAuthTable.DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout a slow database answers 503 after this (whole seconds, at least 1) */
    public JdbcBetterAuthApiKeys(
            DataSource dataSource, String table, String userTable, String configId, Duration queryTimeout) {
        this.table = new BetterAuthTable<>(
                dataSource,
                quotedTable(table),
                queryTimeout,
                "API keys",
                "API key",
                " or its user table does not exist in the database (is the api-key plugin on, and migrated?)",
                " lacks the columns \"key\", \"referenceId\", \"configId\", \"enabled\" or \"expiresAt\" of"
                        + " @better-auth/api-key 1.7",
                ApiKeysUnavailableException::new);
        String users = BetterAuthTable.quoted(userTable, "better-auth.api-keys.user-table", "user");
        if (configId == null || configId.isBlank()) {
            throw new IllegalArgumentException("better-auth.api-keys.config-id must not be blank");
        }
        this.configId = configId;
        this.sql = "SELECT k.\"id\", k.\"referenceId\", k.\"enabled\", k.\"expiresAt\", u.\"email\", u.\"name\" FROM "
                + this.table.table() + " k JOIN " + users
                + " u ON u.\"id\" = k.\"referenceId\" WHERE k.\"key\" = ? AND k.\"configId\" = ?";
    }

    @Override
    public Optional<BetterAuthApiKey> find(String keyHash) {
        return table.query(sql, statement -> bind(statement, keyHash), JdbcBetterAuthApiKeys::read);
    }

    /** Why the table cannot be read, or empty when it can: for a warning at start-up. */
    public Optional<String> problem() {
        return table.problem(sql, statement -> bind(statement, ""));
    }

    /**
     * SQL for an application that binds a write to the key that made it (as a write may be bound to a
     * live session): one row while key {@code ?1} of user {@code ?2} (this configuration's) exists, is
     * enabled and unexpired, and that row locked {@code FOR KEY SHARE} until the transaction ends, so a
     * concurrent revocation or account deletion waits for the write, or the write sees the key gone.
     * Parameters are positional ({@code ?}): the key's id, then its owner's id.
     */
    public String lockStatement() {
        return "SELECT 1 FROM " + table.table()
                + " k WHERE k.\"id\" = ? AND k.\"referenceId\" = ? AND k.\"configId\" = '"
                + configId.replace("'", "''") + "' AND k.\"enabled\" IS NOT FALSE AND (k.\"expiresAt\" IS NULL OR"
                + " k.\"expiresAt\" >= now()) FOR KEY SHARE";
    }

    private void bind(PreparedStatement statement, String keyHash) throws SQLException {
        statement.setString(1, keyHash);
        statement.setString(2, configId);
    }

    private static Optional<BetterAuthApiKey> read(ResultSet row) throws SQLException {
        if (!row.next()) {
            return Optional.empty();
        }
        String id = row.getString(1);
        String userId = row.getString(2);
        // Nullable in Better Auth's schema (default true); the plugin refuses only enabled === false.
        boolean enabled = row.getObject(3) == null || row.getBoolean(3);
        Timestamp expiresAt = row.getTimestamp(4);
        return id == null || userId == null
                ? Optional.empty()
                : Optional.of(new BetterAuthApiKey(
                        id,
                        userId,
                        enabled,
                        expiresAt == null ? null : expiresAt.toInstant(),
                        row.getString(5),
                        row.getString(6)));
    }

    /**
     * The configured table name, validated and quoted: one identifier or {@code schema.table}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String quotedTable(String name) {
        return BetterAuthTable.quoted(name, "better-auth.api-keys.table", DEFAULT_TABLE);
    }

    @Override
    public String toString() {
        return "JdbcBetterAuthApiKeys[" + table.table() + ", configId=" + configId + "]";
    }
}
