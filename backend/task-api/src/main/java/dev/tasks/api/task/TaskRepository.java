package dev.tasks.api.task;

import dev.tasks.api.owned.Owner;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks in PostgreSQL ({@code tasks.tasks}). Every statement is scoped by its {@link Owner}: a task
 * of another owner is indistinguishable from a missing one. Writes run inside the request's
 * transaction ({@link TaskWrites} under owned.OwnedWrites), which also tells the list cache.
 *
 * <p>A plain component, not a {@code @Repository}: JdbcClient already turns SQL errors into Spring's
 * DataAccessExceptions, and a {@code @Repository} gets a proxy that would only translate them again,
 * costing a reflective call on every query.
 */
@Component
class TaskRepository {

    private static final String COLUMNS =
            "id, user_id, team_id, assignee_id, title, description, completed, due_date, due_time, priority,"
                    + " list_id, labels, position, recurrence, recurrence_start, completed_at, created_at, updated_at";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Task> find(Owner owner, TaskQuery query) {
        return filtered(listSql(owner, query), query, owner)
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
        return filtered("select count(*) from tasks.tasks where " + filter(owner, query), query, owner)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec filtered(String sql, TaskQuery query, Owner owner) {
        return jdbc.sql(sql)
                .param("owner", owner.id())
                .param("completed", query.completed().orElse(null))
                .param("pattern", query.likePattern().orElse(null))
                .param("list", query.list().orElse(null))
                .param("labels", query.labels().toArray(String[]::new))
                .param("minPriority", query.minPriority().orElse(null))
                .param("dueBefore", query.dueBefore().orElse(null))
                .param("dueAfter", query.dueAfter().orElse(null))
                .param("today", query.overdueBefore().orElse(null));
    }

    /** Only the filters asked for; values are always bound parameters, never SQL text. */
    private static String filter(Owner owner, TaskQuery query) {
        StringBuilder where = new StringBuilder(owner.column() + " = :owner");
        if (query.completed().isPresent()) {
            // Written out, not bound: "not completed" lets even a generic plan use the partial indexes on open
            // tasks (migration V11's, for the Today view). A boolean, never client text.
            where.append(query.completed().get() ? " and completed" : " and not completed");
        }
        if (query.search().isPresent()) {
            where.append(" and (title ilike :pattern escape '\\' or description ilike :pattern escape '\\')");
        }
        if (query.list().isPresent()) {
            where.append(query.list().get() == TaskQuery.INBOX ? " and list_id is null" : " and list_id = :list");
        }
        if (!query.labels().isEmpty()) {
            // Label identity is lower(): the GIN index on label_keys(labels) answers "has all of these".
            where.append(" and tasks.label_keys(labels) @> tasks.label_keys(cast(:labels as text[]))");
        }
        if (query.minPriority().isPresent()) {
            where.append(" and priority >= :minPriority");
        }
        if (query.dueBefore().isPresent()) {
            where.append(" and due_date <= :dueBefore");
        }
        if (query.dueAfter().isPresent()) {
            where.append(" and due_date >= :dueAfter");
        }
        if (query.overdueBefore().isPresent()) {
            where.append(" and not completed and due_date < :today");
        }
        return where.toString();
    }

    Optional<Task> findById(Owner owner, long id) {
        return byId(owner, id, "");
    }

    /** The task, locked until the transaction ends: an update reads, decides and writes it alone. */
    Optional<Task> lockById(Owner owner, long id) {
        return byId(owner, id, " for update");
    }

    private Optional<Task> byId(Owner owner, long id, String lock) {
        return jdbc.sql("select " + COLUMNS + " from tasks.tasks where id = :id and " + owner.column() + " = :owner"
                        + lock)
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .optional();
    }

    /** The greatest manual-order key in a list ({@code listId} null: the Inbox), or null when it is empty. */
    String lastPosition(Owner owner, Long listId) {
        return jdbc.sql("select position from tasks.tasks where " + owner.column() + " = :owner and "
                        + (listId == null ? "list_id is null" : "list_id = :list")
                        + " order by position desc, id desc limit 1")
                .param("owner", owner.id())
                .param("list", listId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The smallest key in the list greater than {@code after} ({@code after} null: the first), leaving out one task. */
    String nextPosition(Owner owner, Long listId, String after, long except) {
        return jdbc.sql("select position from tasks.tasks where " + owner.column() + " = :owner and "
                        + (listId == null ? "list_id is null" : "list_id = :list")
                        + (after == null ? "" : " and position > :after")
                        + " and id <> :except order by position, id limit 1")
                .param("owner", owner.id())
                .param("list", listId)
                .param("after", after)
                .param("except", except)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** A task as written: the fields, and what the server decides (order, series start, completion time). */
    record Row(TaskFields fields, String position, LocalDate recurrenceStart, boolean completedNow) {}

    Task insert(Owner owner, Row row) {
        TaskFields task = row.fields();
        return values(
                        jdbc.sql("insert into tasks.tasks (" + owner.column() + ", title, description, completed,"
                                + " completed_at, due_date, due_time, priority, list_id, labels, position, recurrence,"
                                + " recurrence_start, assignee_id) values (:owner, :title, :description, :completed,"
                                + " case when :completedNow then now() end, :dueDate, :dueTime, :priority, :listId,"
                                + " :labels, :position, :recurrence, :recurrenceStart, :assigneeId) returning "
                                + COLUMNS),
                        row)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .single();
    }

    /** Writes every field of a task locked by {@link #lockById}; completed_at kept unless the state changes. */
    Task update(Owner owner, long id, Row row, boolean clearsCompletedAt) {
        return values(
                        jdbc.sql("update tasks.tasks set title = :title, description = :description,"
                                + " completed = :completed, completed_at = case when :completedNow then now()"
                                + " when :clearsCompletedAt then null else completed_at end, due_date = :dueDate,"
                                + " due_time = :dueTime, priority = :priority, list_id = :listId, labels = :labels,"
                                + " position = :position, recurrence = :recurrence, recurrence_start = :recurrenceStart,"
                                + " assignee_id = :assigneeId,"
                                + " updated_at = now() where id = :id and " + owner.column() + " = :owner returning "
                                + COLUMNS),
                        row)
                .param("clearsCompletedAt", clearsCompletedAt)
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .single();
    }

    private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec statement, Row row) {
        TaskFields task = row.fields();
        return statement
                .param("title", task.title())
                .param("description", task.description())
                .param("completed", task.completed())
                .param("completedNow", row.completedNow())
                .param("dueDate", task.dueDate())
                .param("dueTime", task.dueTime())
                .param("priority", task.priority())
                .param("listId", task.listId())
                .param("labels", task.labels().toArray(String[]::new))
                .param("position", row.position())
                .param(
                        "recurrence",
                        task.recurrence() == null ? null : task.recurrence().text())
                .param("recurrenceStart", row.recurrenceStart())
                .param("assigneeId", task.assigneeId());
    }

    /** Flips {@code completed} in one statement, so two concurrent toggles both count; empty for a recurring (or missing) task. */
    Optional<Task> toggleUnlessRecurring(Owner owner, long id) {
        return jdbc.sql("update tasks.tasks set completed = not completed,"
                        + " completed_at = case when completed then null else now() end, updated_at = now()"
                        + " where id = :id and " + owner.column() + " = :owner and recurrence is null returning "
                        + COLUMNS)
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .optional();
    }

    /** Moves one task in the manual order: one row written, whatever the list's size. */
    Task move(Owner owner, long id, Long listId, String position) {
        return jdbc.sql("update tasks.tasks set list_id = :listId, position = :position, updated_at = now()"
                        + " where id = :id and " + owner.column() + " = :owner returning " + COLUMNS)
                .param("listId", listId)
                .param("position", position)
                .param("id", id)
                .param("owner", owner.id())
                .query(TaskRepository::task)
                .single();
    }

    boolean delete(Owner owner, long id) {
        return jdbc.sql("delete from tasks.tasks where id = :id and " + owner.column() + " = :owner")
                        .param("id", id)
                        .param("owner", owner.id())
                        .update()
                == 1;
    }

    /** The teams in which open tasks are assigned to the user (at most {@code max}), whether or not they are still a member. */
    List<String> teamsAssigning(String userId, int max) {
        return jdbc.sql("select distinct team_id from tasks.tasks where assignee_id = :user and not completed"
                        + " and team_id is not null limit :max")
                .param("user", userId)
                .param("max", max)
                .query(String.class)
                .list();
    }

    /** Open tasks assigned to the user in these teams, newest first (the partial index on assignee_id). */
    List<Task> openAssigned(String userId, List<String> teams, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from tasks.tasks where assignee_id = :user and not completed"
                        + " and team_id = any(:teams) order by created_at desc, id desc limit :limit offset :offset")
                .param("user", userId)
                .param("teams", teams.toArray(String[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(TaskRepository::task)
                .list();
    }

    long countOpenAssigned(String userId, List<String> teams) {
        return jdbc.sql("select count(*) from tasks.tasks where assignee_id = :user and not completed"
                        + " and team_id = any(:teams)")
                .param("user", userId)
                .param("teams", teams.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private static Task task(ResultSet row, int rowNumber) throws SQLException {
        Array labels = row.getArray("labels");
        return new Task(
                row.getLong("id"),
                row.getString("user_id"),
                row.getString("team_id"),
                row.getString("assignee_id"),
                row.getString("title"),
                row.getString("description"),
                row.getBoolean("completed"),
                row.getObject("due_date", LocalDate.class),
                row.getObject("due_time", LocalTime.class),
                row.getInt("priority"),
                row.getObject("list_id", Long.class),
                List.of((String[]) labels.getArray()),
                row.getString("position"),
                row.getString("recurrence"),
                row.getObject("recurrence_start", LocalDate.class),
                instant(row, "completed_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static java.time.Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
