package dev.tasks.peer;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/{user}/tasks} as the task API answers it (a JSON array, newest first, at most 100, and
 * X-Total-Count), from memory. {@code POST} exists so that bench/run.sh seeds this app exactly as it seeds
 * the task API (the same BenchTokens seed requests). The database mode has {@link DatabaseTaskController}
 * instead.
 */
@RestController
@Profile("!" + PeerApplication.DATABASE)
class TaskController {

    static final int PAGE = 100;

    private final Map<String, List<Task>> tasksByUser = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    record NewTask(String title, String description, Boolean completed) {}

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The n-th key of the task API's manual order as it appends to a list ("V", "V001", "V002", …), as long. */
    static String position(int n) {
        if (n == 0) {
            return "V";
        }
        return "V" + DIGITS.charAt(n / (62 * 62) % 62) + DIGITS.charAt(n / 62 % 62) + DIGITS.charAt(n % 62);
    }

    @GetMapping("/api/{user}/tasks")
    ResponseEntity<List<Task>> list(@PathVariable String user) {
        List<Task> all = tasksByUser.getOrDefault(user, List.of());
        List<Task> page;
        int total;
        synchronized (all) {
            total = all.size();
            page = new ArrayList<>(all.reversed().subList(0, Math.min(PAGE, total)));
        }
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(total)).body(page);
    }

    @PostMapping("/api/{user}/tasks")
    ResponseEntity<Task> create(@PathVariable String user, @RequestBody NewTask body) {
        if (body.title() == null || body.title().isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "title is required");
        }
        // PostgreSQL keeps microseconds: the same precision gives the same JSON length as the task API.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean completed = Boolean.TRUE.equals(body.completed());
        List<Task> mine = tasksByUser.computeIfAbsent(user, u -> new ArrayList<>());
        Task task;
        synchronized (mine) {
            task = new Task(
                    ids.incrementAndGet(),
                    user,
                    null,
                    null,
                    body.title().strip(),
                    body.description(),
                    completed,
                    null,
                    null,
                    0,
                    null,
                    List.of(),
                    position(mine.size()),
                    null,
                    completed ? now : null,
                    now,
                    now);
            mine.add(task);
        }
        return ResponseEntity.created(URI.create("/api/" + user + "/tasks/" + task.id()))
                .body(task);
    }
}
