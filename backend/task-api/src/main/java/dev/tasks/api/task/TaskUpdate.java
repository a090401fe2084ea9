package dev.tasks.api.task;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.tasks.api.web.FieldProblem;
import dev.tasks.api.web.InvalidRequestException;

/**
 * The body of {@code PUT /api/{user_id}/tasks/{id}}: a partial update. A field left out stays as
 * it is; {@code "description": null} clears the description. A record cannot tell "left out" from
 * "null", so this is a small class whose setters Jackson calls only for fields present in the JSON.
 */
@Schema(description = "Fields left out stay unchanged; description null clears it")
final class TaskUpdate {

    private String title;
    private boolean hasTitle;
    private String description;
    private boolean hasDescription;
    private Boolean completed;
    private boolean hasCompleted;

    @JsonSetter("title")
    @Schema(minLength = 1, maxLength = TaskText.TITLE_MAX, description = "trimmed; 1 to 200 characters; not null")
    void setTitle(String title) {
        this.title = title;
        this.hasTitle = true;
    }

    @JsonSetter("description")
    @Schema(nullable = true, maxLength = TaskText.DESCRIPTION_MAX)
    void setDescription(String description) {
        this.description = description;
        this.hasDescription = true;
    }

    @JsonSetter("completed")
    @Schema(description = "not null")
    void setCompleted(Boolean completed) {
        this.completed = completed;
        this.hasCompleted = true;
    }

    /** Checks the present fields and trims the title; a 422 naming every bad field otherwise. */
    Changes validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = null;
        if (hasTitle) {
            if (title == null) {
                problems.add(new FieldProblem("title", "must not be null"));
            } else {
                trimmed = TaskText.title(title, problems);
            }
        }
        if (hasDescription && description != null) {
            TaskText.description(description, problems);
        }
        if (hasCompleted && completed == null) {
            problems.add(new FieldProblem("completed", "must not be null"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Changes(hasTitle, trimmed, hasDescription, description, hasCompleted, completed);
    }

    /** Valid changes: each {@code set…} says whether the field is to be written. */
    record Changes(boolean setTitle, String title, boolean setDescription, String description,
            boolean setCompleted, Boolean completed) {
        boolean isEmpty() {
            return !setTitle && !setDescription && !setCompleted;
        }
    }
}
