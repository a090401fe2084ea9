package io.github.betterauthjava.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Better Auth 1.7's organization tables as its PostgreSQL migration creates them (organization
 * plugin: camelCase columns, foreign keys to "user" and "organization" that cascade on delete), and
 * rows in them as its endpoints leave them.
 */
record BetterAuthMemberTable(DataSource database) {

    void create() {
        sql("CREATE TABLE IF NOT EXISTS \"user\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL,"
                + " \"email\" text NOT NULL UNIQUE, \"emailVerified\" boolean NOT NULL, \"image\" text,"
                + " \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                + " \"updatedAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        sql(
                "CREATE TABLE IF NOT EXISTS \"organization\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL,"
                        + " \"slug\" text NOT NULL UNIQUE, \"logo\" text, \"createdAt\" timestamptz NOT NULL, \"metadata\" text)");
        sql("CREATE TABLE IF NOT EXISTS \"member\" (\"id\" text NOT NULL PRIMARY KEY,"
                + " \"organizationId\" text NOT NULL REFERENCES \"organization\" (\"id\") ON DELETE CASCADE,"
                + " \"userId\" text NOT NULL REFERENCES \"user\" (\"id\") ON DELETE CASCADE,"
                + " \"role\" text NOT NULL, \"createdAt\" timestamptz NOT NULL)");
        sql("CREATE INDEX IF NOT EXISTS \"member_organizationId_idx\" ON \"member\" (\"organizationId\")");
        sql("CREATE INDEX IF NOT EXISTS \"member_userId_idx\" ON \"member\" (\"userId\")");
    }

    void user(String id) {
        sql("INSERT INTO \"user\" (\"id\", \"name\", \"email\", \"emailVerified\") VALUES (" + quote(id) + ", 'U', "
                + quote(id + "@example.com") + ", false) ON CONFLICT DO NOTHING");
    }

    void organization(String id) {
        sql("INSERT INTO \"organization\" (\"id\", \"name\", \"slug\", \"createdAt\") VALUES (" + quote(id)
                + ", 'Team', " + quote(id) + ", now())");
    }

    void member(String organizationId, String userId, String role) {
        user(userId);
        sql("INSERT INTO \"member\" (\"id\", \"organizationId\", \"userId\", \"role\", \"createdAt\") VALUES ("
                + quote(organizationId + ":" + userId) + ", " + quote(organizationId) + ", " + quote(userId) + ", "
                + quote(role) + ", now())");
    }

    /** What Better Auth's removeMember (or leaveOrganization) does. */
    void remove(String organizationId, String userId) {
        sql("DELETE FROM \"member\" WHERE \"organizationId\" = " + quote(organizationId) + " AND \"userId\" = "
                + quote(userId));
    }

    /** What Better Auth's updateMemberRole does. */
    void role(String organizationId, String userId, String role) {
        sql("UPDATE \"member\" SET \"role\" = " + quote(role) + " WHERE \"organizationId\" = " + quote(organizationId)
                + " AND \"userId\" = " + quote(userId));
    }

    void deleteOrganization(String id) {
        sql("DELETE FROM \"organization\" WHERE \"id\" = " + quote(id));
    }

    void sql(String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
