package dev.tasks.api.task;

import dev.tasks.api.task.TaskListCache.Page;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of a user's tasks as the list endpoint sends it: the JSON array, rendered once by the
 * application's JsonMapper (the same one Spring MVC writes every other body with), and the total
 * for X-Total-Count; kept in {@link TaskListCache} between changes.
 */
@Component
class TaskLists {

    private final TaskRepository tasks;
    private final TaskListCache cache;
    private final ObjectWriter writer;

    TaskLists(TaskRepository tasks, TaskListCache cache, JsonMapper json) {
        this.tasks = tasks;
        this.cache = cache;
        this.writer = json.writerFor(new TypeReference<List<Task>>() {});
    }

    Page page(String userId, TaskQuery query) {
        return cache.page(userId, query, () -> render(userId, query));
    }

    private Page render(String userId, TaskQuery query) {
        List<Task> page = tasks.find(userId, query);
        // A short page is the last one: its total is known without a second query.
        long total = page.size() < query.limit() && (query.offset() == 0 || !page.isEmpty())
                ? query.offset() + page.size()
                : tasks.count(userId, query);
        return new Page(writer.writeValueAsBytes(page), total);
    }
}
