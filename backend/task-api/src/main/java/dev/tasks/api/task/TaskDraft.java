package dev.tasks.api.task;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A new task's own fields, checked by exactly the rules of {@code POST …/tasks} (NewTask), for a
 * feature that creates tasks in bulk (transfer's import) and writes them itself. The list and the
 * assignee are not here: the caller decides those.
 *
 * @param labels     trimmed, one per label (not yet in the owner's spellings), at most 20
 * @param recurrence the rule as stored, or null; never without a due date
 */
public record TaskDraft(
        String title,
        String description,
        boolean completed,
        LocalDate dueDate,
        LocalTime dueTime,
        int priority,
        List<String> labels,
        String recurrence) {

    /** The fields a draft is read from, named as in the API (by {@link TaskFields}). */
    public static final String TITLE = TaskFields.TITLE,
            DESCRIPTION = TaskFields.DESCRIPTION,
            COMPLETED = TaskFields.COMPLETED,
            DUE_DATE = TaskFields.DUE_DATE,
            DUE_TIME = TaskFields.DUE_TIME,
            PRIORITY = TaskFields.PRIORITY,
            LABELS = TaskFields.LABELS,
            RECURRENCE = TaskFields.RECURRENCE;

    public static final List<String> FIELDS =
            List.of(TITLE, DESCRIPTION, COMPLETED, DUE_DATE, DUE_TIME, PRIORITY, LABELS, RECURRENCE);

    /** A priority's words, by its number: 0 (none) to 3 (high). */
    public static final List<String> PRIORITIES = TaskFields.PRIORITY_NAMES;

    public static final int TITLE_MAX = TaskText.TITLE_MAX;
    public static final int DESCRIPTION_MAX = TaskText.DESCRIPTION_MAX;

    /**
     * The task in {@code body} (an object of {@link #FIELDS}), or a 422 (problem.InvalidRequestException)
     * naming every field that is wrong.
     */
    public static TaskDraft read(JsonNode body) {
        TaskFields fields = NewTask.read(body);
        return new TaskDraft(
                fields.title(),
                fields.description(),
                fields.completed(),
                fields.dueDate(),
                fields.dueTime(),
                fields.priority(),
                List.copyOf(fields.labels()),
                fields.recurrence() == null ? null : fields.recurrence().text());
    }

    /** {@code HH:MM}, as the API writes a due time. */
    public static String time(LocalTime time) {
        return TaskFields.time(time);
    }
}
