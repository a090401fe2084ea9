package dev.tasks.peer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The database mode's {@code GET /api/{user}/tasks}: the same answer as {@link TaskController}'s, read from
 * the task API's table {@code tasks.tasks} (which bench/run.sh seeds through the task API, so this mode has
 * no POST) with Boot's auto-configured {@link JdbcClient}.
 */
@RestController
@Profile(PeerApplication.DATABASE)
class DatabaseTaskController {

    private final JdbcClient jdbc;

    DatabaseTaskController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/{user}/tasks")
    ResponseEntity<List<Task>> list(@PathVariable String user) {
        // Newest first, as the task API's index (user_id, created_at desc, id desc) reads them.
        List<Task> page = jdbc.sql("""
                        select id, user_id, team_id, assignee_id, title, description, completed, due_date::text,
                               to_char(due_time, 'HH24:MI') as due_time, priority, list_id, labels, position,
                               recurrence, completed_at, created_at, updated_at
                        from tasks.tasks where user_id = :user
                        order by created_at desc, id desc limit :limit""")
                .param("user", user)
                .param("limit", TaskController.PAGE)
                .query((row, n) -> new Task(
                        row.getLong("id"),
                        row.getString("user_id"),
                        row.getString("team_id"),
                        row.getString("assignee_id"),
                        row.getString("title"),
                        row.getString("description"),
                        row.getBoolean("completed"),
                        row.getString("due_date"),
                        row.getString("due_time"),
                        row.getInt("priority"),
                        row.getObject("list_id", Long.class),
                        List.of((String[]) row.getArray("labels").getArray()),
                        row.getString("position"),
                        row.getString("recurrence"),
                        instant(row.getObject("completed_at", OffsetDateTime.class)),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
        // A short page holds them all, so the total needs no count query: the task API does the same.
        long total = page.size() < TaskController.PAGE
                ? page.size()
                : jdbc.sql("select count(*) from tasks.tasks where user_id = :user")
                        .param("user", user)
                        .query(Long.class)
                        .single();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(total)).body(page);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
