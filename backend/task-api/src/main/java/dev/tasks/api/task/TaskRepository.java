package dev.tasks.api.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks in PostgreSQL ({@code tasks.tasks}). Every statement is scoped by {@code user_id}: a task
 * of another user is indistinguishable from a missing one. Each change is one statement, so a
 * toggle or an update is atomic without a transaction around it. Every write tells the list cache.
 *
 * <p>A plain component, not a {@code @Repository}: JdbcClient already turns SQL errors into Spring's
 * DataAccessExceptions, and a {@code @Repository} gets a proxy that would only translate them again,
 * costing a reflective call on every query.
 */
@Component
class TaskRepository {

    private static final String COLUMNS = "id, user_id, title, description, completed, created_at, updated_at";

    private final JdbcClient jdbc;
    private final TaskListCache lists;

    TaskRepository(JdbcClient jdbc, TaskListCache lists) {
        this.jdbc = jdbc;
        this.lists = lists;
    }

    List<Task> find(String userId, TaskQuery query) {
        return jdbc.sql(listSql(query))
                .param("userId", userId)
                .param("completed", query.completed().orElse(null))
                .param("pattern", query.likePattern().orElse(null))
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query(TaskRepository::task)
                .list();
    }

    static String listSql(TaskQuery query) {
        return "select " + COLUMNS + " from tasks.tasks where " + filter(query) + " order by " + query.sort().orderBy
                + " limit :limit offset :offset";
    }

    long count(String userId, TaskQuery query) {
        return jdbc.sql("select count(*) from tasks.tasks where " + filter(query))
                .param("userId", userId)
                .param("completed", query.completed().orElse(null))
                .param("pattern", query.likePattern().orElse(null))
                .query(Long.class)
                .single();
    }

    Task insert(String userId, NewTask task) {
        return changing(
                userId,
                () -> newTask(
                                "insert into tasks.tasks (user_id, title, description, completed)"
                                        + " values (:userId, :title, :description, :completed) returning " + COLUMNS,
                                userId,
                                task)
                        .query(TaskRepository::task)
                        .single());
    }

    /**
     * Inserts the task only if the Better Auth session {@code sessionId} of this user exists and
     * has not expired, in one statement that locks the session row {@code FOR KEY SHARE}; empty
     * when it does not (nothing inserted). {@code sessionTable} is quoted SQL from the session
     * check's configuration, never input. Why: {@link SessionBoundInsert}.
     */
    Optional<Task> insertWhileSessionLives(String userId, NewTask task, String sessionTable, String sessionId) {
        return changing(
                userId,
                () -> newTask(
                                "insert into tasks.tasks (user_id, title, description, completed)"
                                        + " select :userId, cast(:title as varchar), cast(:description as varchar), cast(:completed as boolean)"
                                        + " where exists (select 1 from " + sessionTable
                                        + " s where s.\"id\" = :sessionId"
                                        + " and s.\"userId\" = :userId and s.\"expiresAt\" > now() for key share)"
                                        + " returning " + COLUMNS,
                                userId,
                                task)
                        .param("sessionId", sessionId)
                        .query(TaskRepository::task)
                        .optional());
    }

    private JdbcClient.StatementSpec newTask(String sql, String userId, NewTask task) {
        return jdbc.sql(sql)
                .param("userId", userId)
                .param("title", task.title())
                .param("description", task.description())
                .param("completed", task.completed());
    }

    Optional<Task> findById(String userId, long id) {
        return jdbc.sql("select " + COLUMNS + " from tasks.tasks where id = :id and user_id = :userId")
                .param("id", id)
                .param("userId", userId)
                .query(TaskRepository::task)
                .optional();
    }

    Optional<Task> update(String userId, long id, TaskUpdate changes) {
        if (changes.isEmpty()) {
            return findById(userId, id);
        }
        return changing(
                userId,
                () -> jdbc.sql("""
                        update tasks.tasks set
                            title = case when :setTitle then cast(:title as varchar) else title end,
                            description = case when :setDescription then cast(:description as varchar) else description end,
                            completed = case when :setCompleted then cast(:completed as boolean) else completed end,
                            updated_at = now()
                        where id = :id and user_id = :userId
                        returning\s""" + COLUMNS)
                        .param("setTitle", changes.setTitle())
                        .param("title", changes.title())
                        .param("setDescription", changes.setDescription())
                        .param("description", changes.description())
                        .param("setCompleted", changes.setCompleted())
                        .param("completed", changes.completed())
                        .param("id", id)
                        .param("userId", userId)
                        .query(TaskRepository::task)
                        .optional());
    }

    /** Flips {@code completed} in the database, so two concurrent toggles both count. */
    Optional<Task> toggle(String userId, long id) {
        return changing(
                userId,
                () -> jdbc.sql("update tasks.tasks set completed = not completed, updated_at = now()"
                                + " where id = :id and user_id = :userId returning " + COLUMNS)
                        .param("id", id)
                        .param("userId", userId)
                        .query(TaskRepository::task)
                        .optional());
    }

    boolean delete(String userId, long id) {
        return changing(
                userId,
                () -> jdbc.sql("delete from tasks.tasks where id = :id and user_id = :userId")
                                .param("id", id)
                                .param("userId", userId)
                                .update()
                        == 1);
    }

    /**
     * Runs a write of the user's tasks, then tells the list cache, also after a failed one (it may
     * have committed before the error reached us): this instance's next list for the user reads
     * PostgreSQL, so a client always sees its own change, without waiting for the change log every
     * instance reads (TaskListCache).
     */
    private <T> T changing(String userId, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            lists.changed(userId);
        }
    }

    /** Only the filters asked for; values are always bound parameters, never SQL text. */
    private static String filter(TaskQuery query) {
        StringBuilder where = new StringBuilder("user_id = :userId");
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
