package dev.tasks.api.task;

import dev.tasks.api.owned.Owner;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks in PostgreSQL ({@code tasks.tasks}). Every statement is scoped by its {@link Owner}: a task
 * of another owner is indistinguishable from a missing one. Writes run inside the request's
 * transaction (owned.OwnedWrites), which also tells the list cache.
 *
 * <p>A plain component, not a {@code @Repository}: JdbcClient already turns SQL errors into Spring's
 * DataAccessExceptions, and a {@code @Repository} gets a proxy that would only translate them again,
 * costing a reflective call on every query.
 */
@Component
class TaskRepository {

    private static final String COLUMNS = "id, user_id, title, description, completed, created_at, updated_at";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Task> find(Owner owner, TaskQuery query) {
        return jdbc.sql(listSql(owner, query))
                .param("owner", owner.id())
                .param("completed", query.completed().orElse(null))
                .param("pattern", query.likePattern().orElse(null))
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query(TaskRepository::task)
                .list();
    }

    static String listSql(Owner owner, TaskQuery query) {
        return "select " + COLUMNS + " from tasks.tasks where " + filter(owner, query) + " order by "
                + query.sort().orderBy + " limit :limit offset :offset";
    }

    long count(Owner owner, TaskQuery query) {
        return jdbc.sql("select count(*) from tasks.tasks where " + filter(owner, query))
                .param("owner", owner.id())
                .param("completed", query.completed().orElse(null))
                .param("pattern", query.likePattern().orElse(null))
                .query(Long.class)
                .single();
    }

    Task insert(Owner owner, NewTask task) {
        return jdbc.sql("insert into tasks.tasks (" + owner.column() + ", title, description, completed)"
                        + " values (:owner, :title, :description, :completed) returning " + COLUMNS)
                .param("owner", owner.id())
                .param("title", task.title())
                .param("description", task.description())
                .param("completed", task.completed())
                .query(TaskRepository::task)
                .single();
    }

    Optional<Task> findById(Owner owner, long id) {
        return jdbc.sql("select " + COLUMNS + " from tasks.tasks where id = :id and " + owner.column() + " = :owner")
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .optional();
    }

    Optional<Task> update(Owner owner, long id, TaskUpdate changes) {
        if (changes.isEmpty()) {
            return findById(owner, id);
        }
        return jdbc.sql("""
                        update tasks.tasks set
                            title = case when :setTitle then cast(:title as varchar) else title end,
                            description = case when :setDescription then cast(:description as varchar) else description end,
                            completed = case when :setCompleted then cast(:completed as boolean) else completed end,
                            updated_at = now()
                        where id = :id and\s""" + owner.column() + " = :owner returning " + COLUMNS)
                .param("setTitle", changes.setTitle())
                .param("title", changes.title())
                .param("setDescription", changes.setDescription())
                .param("description", changes.description())
                .param("setCompleted", changes.setCompleted())
                .param("completed", changes.completed())
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .optional();
    }

    /** Flips {@code completed} in the database, so two concurrent toggles both count. */
    Optional<Task> toggle(Owner owner, long id) {
        return jdbc.sql("update tasks.tasks set completed = not completed, updated_at = now()" + " where id = :id and "
                        + owner.column() + " = :owner returning " + COLUMNS)
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .optional();
    }

    boolean delete(Owner owner, long id) {
        return jdbc.sql("delete from tasks.tasks where id = :id and " + owner.column() + " = :owner")
                        .param("id", id)
                        .param("owner", owner.id())
                        .update()
                == 1;
    }

    /** Only the filters asked for; values are always bound parameters, never SQL text. */
    private static String filter(Owner owner, TaskQuery query) {
        StringBuilder where = new StringBuilder(owner.column() + " = :owner");
        if (query.completed().isPresent()) {
            where.append(" and completed = :completed");
        }
        if (query.search().isPresent()) {
            where.append(" and (title ilike :pattern escape '\\' or description ilike :pattern escape '\\')");
        }
        return where.toString();
    }

    private static Task task(ResultSet row, int rowNumber) throws SQLException {
        return new Task(
                row.getLong("id"),
                row.getString("user_id"),
                row.getString("title"),
                row.getString("description"),
                row.getBoolean("completed"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
