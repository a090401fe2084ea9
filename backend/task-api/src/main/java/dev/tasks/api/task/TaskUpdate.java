package dev.tasks.api.task;

import dev.tasks.api.web.JsonBody;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/{user_id}/tasks/{id}}, valid: a partial update. Each {@code set…}
 * says whether the field was sent; a field left out stays as it is, and {@code "description": null}
 * clears the description (title and completed cannot be null).
 */
record TaskUpdate(
        boolean setTitle,
        String title,
        boolean setDescription,
        String description,
        boolean setCompleted,
        Boolean completed) {

    static TaskUpdate read(JsonNode body) {
        JsonBody json = JsonBody.of(body, NewTask.FIELDS);
        String title = json.string("title");
        if (json.isNull("title")) {
            json.problem("title", "must not be null");
        }
        title = title == null ? null : TaskText.title(title, json);
        String description = json.string("description");
        if (description != null) {
            TaskText.description(description, json);
        }
        Boolean completed = json.bool("completed");
        if (json.isNull("completed")) {
            json.problem("completed", "must not be null");
        }
        json.requireValid();
        return new TaskUpdate(
                json.has("title"), title, json.has("description"), description, json.has("completed"), completed);
    }

    boolean isEmpty() {
        return !setTitle && !setDescription && !setCompleted;
    }

    /** The shape of the body, for the OpenAPI document. */
    @Schema(name = "TaskUpdate", description = "Fields left out stay unchanged; description null clears it")
    record Body(
            @Schema(
                    minLength = 1,
                    maxLength = TaskText.TITLE_MAX,
                    description = "trimmed; 1 to 200 characters; not null")
            String title,

            @Schema(nullable = true, maxLength = TaskText.DESCRIPTION_MAX)
            String description,

            @Schema(description = "not null") Boolean completed) {}
}
