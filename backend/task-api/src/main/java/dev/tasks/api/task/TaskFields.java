package dev.tasks.api.task;

import dev.tasks.api.label.LabelNames;
import dev.tasks.api.problem.FieldProblem;
import dev.tasks.api.problem.InvalidRequestException;
import dev.tasks.api.web.JsonBody;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a client writes of a task, each field valid on its own (read by {@link NewTask} and
 * {@link TaskUpdate}); {@link #check()} adds the rules between fields once a task's final values
 * are known, so a partial update is judged on the task it leaves behind.
 *
 * @param listId     one of the owner's lists, or null for the Inbox (checked against the database by the repository)
 * @param labels     trimmed, one spelling per label, at most 20
 * @param recurrence the rule, or null
 * @param assigneeId a member of the owning team, or null (checked against the team by TaskWrites)
 */
record TaskFields(
        String title,
        String description,
        boolean completed,
        LocalDate dueDate,
        LocalTime dueTime,
        int priority,
        Long listId,
        List<String> labels,
        Recurrence recurrence,
        String assigneeId) {

    /** The fields of a task body, named as in the API. */
    static final String TITLE = "title",
            DESCRIPTION = "description",
            COMPLETED = "completed",
            DUE_DATE = "due_date",
            DUE_TIME = "due_time",
            PRIORITY = "priority",
            LIST_ID = "list_id",
            LABELS = "labels",
            RECURRENCE = "recurrence",
            ASSIGNEE_ID = "assignee_id";

    static final List<String> NAMES = List.of(
            TITLE, DESCRIPTION, COMPLETED, DUE_DATE, DUE_TIME, PRIORITY, LIST_ID, LABELS, RECURRENCE, ASSIGNEE_ID);

    /** Longer is no Better Auth user id (they are 32 characters): 422 without asking the team. */
    static final int MAX_ASSIGNEE_LENGTH = 256;

    /** A priority's words, by its number: 0 (none) to {@link #MAX_PRIORITY} (high). */
    static final List<String> PRIORITY_NAMES = List.of("none", "low", "medium", "high");

    static final int MAX_PRIORITY = PRIORITY_NAMES.size() - 1;

    /** "must be 0 (none), 1 (low), 2 (medium) or 3 (high)". */
    private static final String PRIORITY_RULE = "must be "
            + String.join(
                    ", ",
                    IntStream.range(0, MAX_PRIORITY)
                            .mapToObj(p -> p + " (" + PRIORITY_NAMES.get(p) + ")")
                            .toList())
            + " or " + MAX_PRIORITY + " (" + PRIORITY_NAMES.get(MAX_PRIORITY) + ")";

    /** {@code HH:MM}, 24 hours, exactly two digits each (SPEC 1.7). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    /** The rules between fields: a time needs a date, a recurrence needs a due date. */
    void check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (dueTime != null && dueDate == null) {
            problems.add(new FieldProblem(DUE_TIME, "needs a due_date"));
        }
        if (recurrence != null && dueDate == null) {
            problems.add(new FieldProblem(RECURRENCE, "needs a due_date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    // Copies with one field decided by the server (the only place besides the readers that lists every field).

    TaskFields withLabels(List<String> spelled) {
        return new TaskFields(
                title, description, completed, dueDate, dueTime, priority, listId, spelled, recurrence, assigneeId);
    }

    TaskFields withCompleted(boolean state) {
        return new TaskFields(
                title, description, state, dueDate, dueTime, priority, listId, labels, recurrence, assigneeId);
    }

    TaskFields withDueDate(LocalDate date) {
        return new TaskFields(
                title, description, completed, date, dueTime, priority, listId, labels, recurrence, assigneeId);
    }

    static String time(LocalTime time) {
        return time == null ? null : time.format(TIME);
    }

    // Readers of single fields from a body: each returns the valid value or null, noting what is wrong.

    static LocalDate dueDate(JsonBody json) {
        String text = json.string(DUE_DATE);
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        json.problem(DUE_DATE, "must be a calendar date, YYYY-MM-DD");
        return null;
    }

    static LocalTime dueTime(JsonBody json) {
        String text = json.string(DUE_TIME);
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("[0-9]{2}:[0-9]{2}")) {
                return LocalTime.parse(text, TIME);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        json.problem(DUE_TIME, "must be a time of day, HH:MM (00:00 to 23:59)");
        return null;
    }

    static Integer priority(JsonBody json) {
        Long priority = json.integer(PRIORITY);
        if (json.isNull(PRIORITY)) {
            json.problem(PRIORITY, "must not be null");
        }
        if (priority != null && (priority < 0 || priority > MAX_PRIORITY)) {
            json.problem(PRIORITY, PRIORITY_RULE);
            return null;
        }
        return priority == null ? null : priority.intValue();
    }

    static Long listId(JsonBody json) {
        Long listId = json.integer(LIST_ID);
        if (listId != null && listId <= 0) {
            json.problem(LIST_ID, "must be the id of one of your lists, or null for the Inbox");
            return null;
        }
        return listId;
    }

    static List<String> labels(JsonBody json) {
        if (json.isNull(LABELS)) {
            json.problem(LABELS, "must be an array (empty for none)");
            return null;
        }
        List<String> names = json.strings(LABELS);
        if (names == null) {
            return null;
        }
        try {
            return LabelNames.of(names);
        } catch (IllegalArgumentException e) {
            json.problem(LABELS, e.getMessage());
            return null;
        }
    }

    static String assigneeId(JsonBody json) {
        String id = json.string(ASSIGNEE_ID);
        if (id != null && (id.isBlank() || id.length() > MAX_ASSIGNEE_LENGTH)) {
            json.problem(ASSIGNEE_ID, "must be the user id of a member of the team, or null");
            return null;
        }
        return id;
    }

    static Recurrence recurrence(JsonBody json) {
        String text = json.string(RECURRENCE);
        if (text == null) {
            return null;
        }
        try {
            return Recurrence.parse(text);
        } catch (IllegalArgumentException e) {
            json.problem(RECURRENCE, e.getMessage());
            return null;
        }
    }
}
