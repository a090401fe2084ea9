package dev.tasks.api.task;

import dev.tasks.api.web.JsonBody;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/{user_id}/tasks/{id}/move}: {@code after} a task id, or null for the
 * first place; {@code list_id} (optional) the list to move into, null for the Inbox. Without
 * {@code list_id} the task goes into the list of {@code after}, or stays in its own.
 */
@Schema(name = "TaskMove", requiredProperties = "after")
record TaskMove(
        @Schema(nullable = true, description = "the task to come right after; null: first in the list")
        Long after,

        @Schema(
                name = "list_id",
                nullable = true,
                description = "the list to move into (null: the Inbox); left out: after's list, or the task's own")
        Long listId) {

    static final String AFTER = "after";

    /** What was asked: {@code after} (empty: first), and {@code list_id} when sent (empty inside: the Inbox). */
    record Read(Optional<Long> after, Optional<Optional<Long>> listId) {}

    static Read read(JsonNode body) {
        JsonBody json = JsonBody.of(body, List.of(AFTER, TaskFields.LIST_ID));
        Long after = json.integer(AFTER);
        if (!json.has(AFTER)) {
            json.problem(AFTER, "is required (null for the first place)");
        } else if (after != null && after <= 0) {
            json.problem(AFTER, "must be the id of one of your tasks, or null for the first place");
        }
        Long listId = TaskFields.listId(json);
        json.requireValid();
        return new Read(
                Optional.ofNullable(after),
                json.has(TaskFields.LIST_ID) ? Optional.of(Optional.ofNullable(listId)) : Optional.empty());
    }
}
