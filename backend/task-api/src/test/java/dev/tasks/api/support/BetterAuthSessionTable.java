package dev.tasks.api.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Better Auth 1.7's {@code session} table in the test PostgreSQL, created as its migration does
 * (public schema, camelCase columns), and sessions in it, as a sign-in would leave them.
 */
public final class BetterAuthSessionTable {

    private BetterAuthSessionTable() {}

    /** Creates the table unless it exists (Better Auth may have migrated first in real life). */
    public static void createTable() {
        sql(
                "CREATE TABLE IF NOT EXISTS public.\"session\" (\"id\" text NOT NULL PRIMARY KEY, \"expiresAt\" timestamptz NOT NULL,"
                        + " \"token\" text NOT NULL UNIQUE, \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                        + " \"updatedAt\" timestamptz NOT NULL, \"ipAddress\" text, \"userAgent\" text, \"userId\" text NOT NULL)");
    }

    /** A live session of the user (7 days, Better Auth's default); returns its id. */
    public static String signIn(String userId) {
        String id = "sess" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestPostgres.connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO public.\"session\""
                                + " (\"id\", \"expiresAt\", \"token\", \"updatedAt\", \"userId\") VALUES (?, ?, ?, now(), ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(Instant.now().plus(Duration.ofDays(7))));
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, userId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** What Better Auth's sign-out does to the row. */
    public static void signOut(String sessionId) {
        sql("DELETE FROM public.\"session\" WHERE \"id\" = '" + sessionId.replace("'", "''") + "'");
    }

    private static void sql(String sql) {
        try (Connection connection = TestPostgres.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
