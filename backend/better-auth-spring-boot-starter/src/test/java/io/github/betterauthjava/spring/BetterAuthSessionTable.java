package io.github.betterauthjava.spring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Better Auth 1.7's {@code session} table, as its PostgreSQL migration creates it (camelCase columns). */
record BetterAuthSessionTable(DataSource database, String table) {

    void create() {
        sql(
                "CREATE TABLE IF NOT EXISTS " + table
                        + " (\"id\" text NOT NULL PRIMARY KEY, \"expiresAt\" timestamptz NOT NULL,"
                        + " \"token\" text NOT NULL UNIQUE, \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                        + " \"updatedAt\" timestamptz NOT NULL, \"ipAddress\" text, \"userAgent\" text, \"userId\" text NOT NULL)");
    }

    void insert(String id, String userId, Instant expiresAt) {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table
                                + " (\"id\", \"expiresAt\", \"token\", \"updatedAt\", \"userId\") VALUES (?, ?, ?, now(), ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(expiresAt));
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, userId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(String id) {
        sql("DELETE FROM " + table + " WHERE \"id\" = '" + id.replace("'", "''") + "'");
    }

    void sql(String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
