package dev.tasks.api.task;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.tasks.api.web.FieldProblem;
import dev.tasks.api.web.InvalidRequestException;

/** The body of {@code POST /api/{user_id}/tasks}. */
record NewTask(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = TaskText.TITLE_MAX,
                description = "trimmed; 1 to 200 characters") String title,
        @Schema(nullable = true, maxLength = TaskText.DESCRIPTION_MAX) String description,
        @Schema(defaultValue = "false") Boolean completed) {

    /** This task with its title trimmed and {@code completed} defaulted, or a 422 naming every bad field. */
    NewTask validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = null;
        if (title == null) {
            problems.add(new FieldProblem("title", "is required"));
        } else {
            trimmed = TaskText.title(title, problems);
        }
        if (description != null) {
            TaskText.description(description, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new NewTask(trimmed, description, completed != null && completed);
    }
}
