package dev.tasks.api.support;

import io.github.betterauthjava.jwt.ApiKeyCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Better Auth's {@code apikey} table (api-key plugin 1.7) in the test PostgreSQL, created as its
 * migration does, and keys in it as {@code api-key/create} leaves them: only the hash is stored.
 */
public final class BetterAuthApiKeyTable {

    private BetterAuthApiKeyTable() {}

    public static void createTable() {
        sql("CREATE TABLE IF NOT EXISTS public.\"user\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL,"
                + " \"email\" text NOT NULL UNIQUE, \"emailVerified\" boolean NOT NULL, \"image\" text,"
                + " \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                + " \"updatedAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        sql("CREATE TABLE IF NOT EXISTS public.\"apikey\" (\"id\" text NOT NULL PRIMARY KEY, \"configId\" text DEFAULT"
                + " 'default' NOT NULL, \"name\" text, \"start\" text, \"referenceId\" text NOT NULL, \"prefix\" text,"
                + " \"key\" text NOT NULL, \"refillInterval\" integer, \"refillAmount\" integer, \"lastRefillAt\""
                + " timestamptz, \"enabled\" boolean DEFAULT true, \"rateLimitEnabled\" boolean DEFAULT true,"
                + " \"rateLimitTimeWindow\" integer DEFAULT 86400000, \"rateLimitMax\" integer DEFAULT 10,"
                + " \"requestCount\" integer DEFAULT 0, \"remaining\" integer, \"lastRequest\" timestamptz, \"expiresAt\""
                + " timestamptz, \"createdAt\" timestamptz NOT NULL, \"updatedAt\" timestamptz NOT NULL, \"permissions\""
                + " text, \"metadata\" text)");
    }

    /** A new key of {@code userId} (the user row made if missing); returns {id, key}: the key only its creator sees. */
    public static String[] create(String userId) {
        sql("INSERT INTO public.\"user\" (\"id\", \"name\", \"email\", \"emailVerified\") VALUES ('" + userId
                + "', 'Key Owner', '" + userId + "@example.com', false) ON CONFLICT DO NOTHING");
        String id = "key" + UUID.randomUUID().toString().replace("-", "");
        String key = "tasks_" + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestPostgres.connect();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO public.\"apikey\" (\"id\", \"name\","
                                + " \"start\", \"referenceId\", \"prefix\", \"key\", \"enabled\", \"rateLimitEnabled\","
                                + " \"expiresAt\", \"createdAt\", \"updatedAt\") VALUES (?, 'script', ?, ?, 'tasks_', ?, true,"
                                + " false, now() + interval '30 days', now(), now())")) {
            insert.setString(1, id);
            insert.setString(2, key.substring(0, 6));
            insert.setString(3, userId);
            insert.setString(4, ApiKeyCheck.hash(key));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new String[] {id, key};
    }

    /** What Better Auth's api-key/delete does (the account page's "Revoke"). */
    public static void revoke(String keyId) {
        sql("DELETE FROM public.\"apikey\" WHERE \"id\" = '" + keyId.replace("'", "''") + "'");
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
