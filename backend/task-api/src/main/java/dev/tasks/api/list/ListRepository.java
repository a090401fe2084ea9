package dev.tasks.api.list;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Positions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists in PostgreSQL ({@code tasks.lists}), scoped by {@link Owner} like tasks. A list's
 * {@code task_count} counts its open tasks when read (the index on tasks' (owner, list, position)).
 */
@Component
class ListRepository {

    private static String select(Owner owner) {
        return "select l.id, l.name, l.position, l.created_at, l.updated_at, (select count(*) from tasks.tasks t"
                + " where t." + owner.column() + " = l." + owner.column() + " and t.list_id = l.id"
                + " and not t.completed) as task_count from tasks.lists l";
    }

    private final JdbcClient jdbc;

    ListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NamedList> all(Owner owner) {
        return jdbc.sql(select(owner) + " where l." + owner.column() + " = :owner order by l.position, l.id")
                .param("owner", owner.id())
                .query(ListRepository::list)
                .list();
    }

    Optional<NamedList> find(Owner owner, long id) {
        return jdbc.sql(select(owner) + " where l.id = :id and l." + owner.column() + " = :owner")
                .param("id", id)
                .param("owner", owner.id())
                .query(ListRepository::list)
                .optional();
    }

    /** A new list goes last. */
    NamedList insert(Owner owner, String name) {
        String last = jdbc.sql("select position from tasks.lists where " + owner.column()
                        + " = :owner order by position desc, id desc limit 1")
                .param("owner", owner.id())
                .query(String.class)
                .optional()
                .orElse(null);
        long id = jdbc.sql("insert into tasks.lists (" + owner.column() + ", name, position)"
                        + " values (:owner, :name, :position) returning id")
                .param("owner", owner.id())
                .param("name", name)
                .param("position", Positions.after(last))
                .query(Long.class)
                .single();
        return find(owner, id).orElseThrow();
    }

    Optional<NamedList> rename(Owner owner, long id, String name) {
        int updated = jdbc.sql("update tasks.lists set name = :name, updated_at = now() where id = :id and "
                        + owner.column() + " = :owner")
                .param("name", name)
                .param("id", id)
                .param("owner", owner.id())
                .update();
        return updated == 1 ? find(owner, id) : Optional.empty();
    }

    /**
     * Deletes the list; its tasks go to the Inbox (keeping their keys, so they keep their order
     * among themselves) or, with {@code deleteTasks}, are deleted. The list row is locked first:
     * a task being filed in it at the same moment (ListMembership's KEY SHARE lock) either commits
     * first and is moved or deleted with the rest, or waits and finds the list gone (422).
     */
    boolean delete(Owner owner, long id, boolean deleteTasks) {
        boolean exists =
                jdbc.sql("select 1 from tasks.lists where id = :id and " + owner.column() + " = :owner for update")
                                .param("id", id)
                                .param("owner", owner.id())
                                .query()
                                .listOfRows()
                                .size()
                        == 1;
        if (!exists) {
            return false;
        }
        jdbc.sql((deleteTasks ? "delete from tasks.tasks" : "update tasks.tasks set list_id = null, updated_at = now()")
                        + " where list_id = :id and " + owner.column() + " = :owner")
                .param("id", id)
                .param("owner", owner.id())
                .update();
        return jdbc.sql("delete from tasks.lists where id = :id and " + owner.column() + " = :owner")
                        .param("id", id)
                        .param("owner", owner.id())
                        .update()
                == 1;
    }

    private static NamedList list(ResultSet row, int rowNumber) throws SQLException {
        return new NamedList(
                row.getLong("id"),
                row.getString("name"),
                row.getString("position"),
                row.getLong("task_count"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
