package dev.tasks.api.task;

import dev.tasks.api.web.JsonBody;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/{user_id}/tasks}, valid: title trimmed, completed defaulted.
 * {@link #read} is the only way to get one from a request, so an unchecked one cannot reach SQL.
 */
@Schema(requiredProperties = "title")
record NewTask(
        @Schema(minLength = 1, maxLength = TaskText.TITLE_MAX, description = "trimmed; 1 to 200 characters")
        String title,

        @Schema(nullable = true, maxLength = TaskText.DESCRIPTION_MAX)
        String description,

        @Schema(defaultValue = "false") boolean completed) {

    static final List<String> FIELDS = List.of("title", "description", "completed");

    /** The task in {@code body}, or a 422 naming every field that is wrong (the body itself when it is not an object). */
    static NewTask read(JsonNode body) {
        JsonBody json = JsonBody.of(body, FIELDS);
        String title = json.string("title");
        if (title == null && !json.hasProblem("title")) {
            json.problem("title", json.has("title") ? "must not be null" : "is required");
        }
        title = title == null ? null : TaskText.title(title, json);
        String description = json.string("description");
        if (description != null) {
            TaskText.description(description, json);
        }
        Boolean completed = json.bool("completed");
        json.requireValid();
        return new NewTask(title, description, completed != null && completed);
    }
}
