package dev.tasks.api.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Better Auth 1.7's organization plugin tables in the test PostgreSQL, created as its migration
 * does (public schema, camelCase columns, foreign keys to "user" and "organization" that cascade on
 * delete), and teams and members in them as its endpoints leave them (createOrganization adds the
 * creator as owner; removeMember, updateMemberRole and deleteOrganization change the rows).
 */
public final class BetterAuthTeams {

    private BetterAuthTeams() {}

    /** Creates the tables unless they exist (Better Auth may have migrated first in real life). */
    public static synchronized void createTables() {
        sql("CREATE TABLE IF NOT EXISTS public.\"user\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL,"
                + " \"email\" text NOT NULL UNIQUE, \"emailVerified\" boolean NOT NULL, \"image\" text,"
                + " \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                + " \"updatedAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        sql("CREATE TABLE IF NOT EXISTS public.\"organization\" (\"id\" text NOT NULL PRIMARY KEY,"
                + " \"name\" text NOT NULL, \"slug\" text NOT NULL UNIQUE, \"logo\" text,"
                + " \"createdAt\" timestamptz NOT NULL, \"metadata\" text)");
        sql("CREATE TABLE IF NOT EXISTS public.\"member\" (\"id\" text NOT NULL PRIMARY KEY,"
                + " \"organizationId\" text NOT NULL REFERENCES public.\"organization\" (\"id\") ON DELETE CASCADE,"
                + " \"userId\" text NOT NULL REFERENCES public.\"user\" (\"id\") ON DELETE CASCADE,"
                + " \"role\" text NOT NULL, \"createdAt\" timestamptz NOT NULL)");
        sql("CREATE INDEX IF NOT EXISTS \"member_organizationId_idx\" ON public.\"member\" (\"organizationId\")");
        sql("CREATE INDEX IF NOT EXISTS \"member_userId_idx\" ON public.\"member\" (\"userId\")");
    }

    /** A new team whose owner is {@code ownerId}; returns its id (the team_id). */
    public static String create(String ownerId) {
        createTables();
        String id = "org" + UUID.randomUUID().toString().replace("-", "");
        update(
                "INSERT INTO public.\"organization\" (\"id\", \"name\", \"slug\", \"createdAt\") VALUES (?, 'Team', ?, now())",
                id,
                id);
        add(id, ownerId, "owner");
        return id;
    }

    /** What accepting an invitation (or addMember) leaves: the user a member with {@code role}. */
    public static void add(String teamId, String userId, String role) {
        update(
                "INSERT INTO public.\"user\" (\"id\", \"name\", \"email\", \"emailVerified\") VALUES (?, 'U', ?, false)"
                        + " ON CONFLICT DO NOTHING",
                userId,
                userId + "@example.com");
        update(
                "INSERT INTO public.\"member\" (\"id\", \"organizationId\", \"userId\", \"role\", \"createdAt\")"
                        + " VALUES (?, ?, ?, ?, now())",
                UUID.randomUUID().toString(),
                teamId,
                userId,
                role);
    }

    /** What removeMember (or leaveOrganization) does. */
    public static void remove(String teamId, String userId) {
        update("DELETE FROM public.\"member\" WHERE \"organizationId\" = ? AND \"userId\" = ?", teamId, userId);
    }

    /** What updateMemberRole does. */
    public static void role(String teamId, String userId, String role) {
        update(
                "UPDATE public.\"member\" SET \"role\" = ? WHERE \"organizationId\" = ? AND \"userId\" = ?",
                role,
                teamId,
                userId);
    }

    /** What deleteOrganization does: the members, then the organization. */
    public static void delete(String teamId) {
        update("DELETE FROM public.\"member\" WHERE \"organizationId\" = ?", teamId);
        update("DELETE FROM public.\"organization\" WHERE \"id\" = ?", teamId);
    }

    private static void update(String sql, String... values) {
        try (Connection connection = TestPostgres.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
