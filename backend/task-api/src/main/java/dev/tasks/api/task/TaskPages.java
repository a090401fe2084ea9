package dev.tasks.api.task;

import dev.tasks.api.owned.ListCache;
import dev.tasks.api.owned.ListCache.Page;
import dev.tasks.api.owned.Owner;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of a user's tasks as the list endpoint sends it: the JSON array, rendered once by the
 * application's JsonMapper (the same one Spring MVC writes every other body with), and the total
 * for X-Total-Count; kept in the owned {@link ListCache} between changes.
 */
@Component
class TaskPages {

    private final TaskRepository tasks;
    private final ListCache cache;
    private final ObjectWriter writer;

    TaskPages(TaskRepository tasks, ListCache cache, JsonMapper json) {
        this.tasks = tasks;
        this.cache = cache;
        this.writer = json.writerFor(new TypeReference<List<Task>>() {});
    }

    /** What the list cache calls this kind of page. */
    static final String KIND = "task";

    Page page(Owner owner, TaskQuery query) {
        return cache.page(KIND, owner, query, () -> render(owner, query));
    }

    private Page render(Owner owner, TaskQuery query) {
        List<Task> page = tasks.find(owner, query);
        // A short page is the last one: its total is known without a second query.
        long total = page.size() < query.limit() && (query.offset() == 0 || !page.isEmpty())
                ? query.offset() + page.size()
                : tasks.count(owner, query);
        return new Page(writer.writeValueAsBytes(page), total);
    }
}
