package dev.tasks.api.task;

import dev.tasks.api.label.LabelNames;
import dev.tasks.api.web.JsonBody;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/{user_id}/tasks}, as the OpenAPI document shows it; {@link #read}
 * is the only way to get the valid fields from a request, so an unchecked one cannot reach SQL.
 */
@Schema(requiredProperties = "title")
record NewTask(
        @Schema(minLength = 1, maxLength = TaskText.TITLE_MAX, description = "trimmed; 1 to 200 characters")
        String title,

        @Schema(nullable = true, maxLength = TaskText.DESCRIPTION_MAX)
        String description,

        @Schema(defaultValue = "false") boolean completed,

        @Schema(
                name = "due_date",
                nullable = true,
                format = "date",
                description = "YYYY-MM-DD, a calendar date, no zone")
        String dueDate,

        @Schema(
                name = "due_time",
                nullable = true,
                pattern = "^[0-2][0-9]:[0-5][0-9]$",
                description = "HH:MM; only with due_date")
        String dueTime,

        @Schema(defaultValue = "0", minimum = "0", maximum = "3", description = "0 none, 1 low, 2 medium, 3 high")
        int priority,

        @Schema(name = "list_id", nullable = true, description = "one of your lists; null or left out: the Inbox")
        Long listId,

        @ArraySchema(
                maxItems = LabelNames.MAX_PER_TASK,
                schema = @Schema(minLength = 1, maxLength = LabelNames.MAX_LENGTH),
                arraySchema =
                        @Schema(
                                description =
                                        "trimmed; names differing only in case are one label (the first spelling stored wins)"))
        List<String> labels,

        @Schema(
                nullable = true,
                maxLength = Recurrence.MAX_LENGTH,
                description = Recurrence.SUBSET + "; needs due_date")
        String recurrence,

        @Schema(
                name = "assignee_id",
                nullable = true,
                maxLength = TaskFields.MAX_ASSIGNEE_LENGTH,
                description = "a team task: the user id of one of the team's members; null: nobody. A personal task"
                        + " has none")
        String assigneeId) {

    /** The task in {@code body}, or a 422 naming every field that is wrong (the body itself when it is not an object). */
    static TaskFields read(JsonNode body) {
        JsonBody json = JsonBody.of(body, TaskFields.NAMES);
        String title = json.string(TaskFields.TITLE);
        if (title == null && !json.hasProblem(TaskFields.TITLE)) {
            json.problem(TaskFields.TITLE, json.has(TaskFields.TITLE) ? "must not be null" : "is required");
        }
        title = title == null ? null : TaskText.title(title, json);
        String description = json.string(TaskFields.DESCRIPTION);
        if (description != null) {
            TaskText.description(description, json);
        }
        Boolean completed = json.bool(TaskFields.COMPLETED);
        Integer priority = TaskFields.priority(json);
        List<String> labels = TaskFields.labels(json);
        TaskFields fields = new TaskFields(
                title,
                description,
                completed != null && completed,
                TaskFields.dueDate(json),
                TaskFields.dueTime(json),
                priority == null ? 0 : priority,
                TaskFields.listId(json),
                labels == null ? List.of() : labels,
                TaskFields.recurrence(json),
                TaskFields.assigneeId(json));
        json.requireValid();
        fields.check();
        return fields;
    }
}
