package dev.tasks.api.task;

import dev.tasks.api.label.LabelNames;
import dev.tasks.api.web.JsonBody;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/{user_id}/tasks/{id}}, valid: a partial update. {@code sent} names
 * the fields sent; a field left out stays as it is. Null clears the nullable ones (description,
 * due_date, due_time, list_id: back to the Inbox, recurrence); title, completed, priority and labels
 * cannot be null. Clearing due_date clears due_time too (SPEC 1.7).
 */
record TaskUpdate(Set<String> sent, TaskFields values) {

    static TaskUpdate read(JsonNode body) {
        JsonBody json = JsonBody.of(body, TaskFields.NAMES);
        String title = json.string(TaskFields.TITLE);
        if (json.isNull(TaskFields.TITLE)) {
            json.problem(TaskFields.TITLE, "must not be null");
        }
        title = title == null ? null : TaskText.title(title, json);
        String description = json.string(TaskFields.DESCRIPTION);
        if (description != null) {
            TaskText.description(description, json);
        }
        Boolean completed = json.bool(TaskFields.COMPLETED);
        if (json.isNull(TaskFields.COMPLETED)) {
            json.problem(TaskFields.COMPLETED, "must not be null");
        }
        Integer priority = TaskFields.priority(json);
        TaskFields values = new TaskFields(
                title,
                description,
                completed != null && completed,
                TaskFields.dueDate(json),
                TaskFields.dueTime(json),
                priority == null ? 0 : priority,
                TaskFields.listId(json),
                TaskFields.labels(json),
                TaskFields.recurrence(json),
                TaskFields.assigneeId(json));
        json.requireValid();
        Set<String> sent = new HashSet<>();
        for (String name : TaskFields.NAMES) {
            if (json.has(name)) {
                sent.add(name);
            }
        }
        return new TaskUpdate(Set.copyOf(sent), values);
    }

    boolean isEmpty() {
        return sent.isEmpty();
    }

    boolean sets(String field) {
        return sent.contains(field);
    }

    /** The task's fields after this update; {@link TaskFields#check()} is for the caller to run on them. */
    TaskFields apply(TaskFields current) {
        boolean clearsDate = sets(TaskFields.DUE_DATE) && values.dueDate() == null;
        return new TaskFields(
                sets(TaskFields.TITLE) ? values.title() : current.title(),
                sets(TaskFields.DESCRIPTION) ? values.description() : current.description(),
                sets(TaskFields.COMPLETED) ? values.completed() : current.completed(),
                sets(TaskFields.DUE_DATE) ? values.dueDate() : current.dueDate(),
                sets(TaskFields.DUE_TIME) ? values.dueTime() : clearsDate ? null : current.dueTime(),
                sets(TaskFields.PRIORITY) ? values.priority() : current.priority(),
                sets(TaskFields.LIST_ID) ? values.listId() : current.listId(),
                sets(TaskFields.LABELS) ? values.labels() : current.labels(),
                sets(TaskFields.RECURRENCE) ? values.recurrence() : current.recurrence(),
                sets(TaskFields.ASSIGNEE_ID) ? values.assigneeId() : current.assigneeId());
    }

    /** The shape of the body, for the OpenAPI document. */
    @Schema(name = "TaskUpdate", description = "Fields left out stay unchanged; null clears the nullable ones")
    record Body(
            @Schema(
                    minLength = 1,
                    maxLength = TaskText.TITLE_MAX,
                    description = "trimmed; 1 to 200 characters; not null")
            String title,

            @Schema(nullable = true, maxLength = TaskText.DESCRIPTION_MAX)
            String description,

            @Schema(description = "not null") Boolean completed,

            @Schema(
                    name = "due_date",
                    nullable = true,
                    format = "date",
                    description = "YYYY-MM-DD; null clears due_time too")
            String dueDate,

            @Schema(
                    name = "due_time",
                    nullable = true,
                    pattern = "^[0-2][0-9]:[0-5][0-9]$",
                    description = "HH:MM; only with due_date")
            String dueTime,

            @Schema(minimum = "0", maximum = "3", description = "0 none, 1 low, 2 medium, 3 high; not null")
            Integer priority,

            @Schema(
                    name = "list_id",
                    nullable = true,
                    description = "one of your lists; null: the Inbox. The task goes to the end of that list")
            Long listId,

            @ArraySchema(
                    maxItems = LabelNames.MAX_PER_TASK,
                    schema = @Schema(minLength = 1, maxLength = LabelNames.MAX_LENGTH),
                    arraySchema = @Schema(description = "replaces the task's labels; not null"))
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
                    description = "a team task: a member's user id; null: nobody")
            String assigneeId) {}
}
