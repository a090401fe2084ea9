package dev.tasks.api.transfer;

import static dev.tasks.api.task.TaskDraft.COMPLETED;
import static dev.tasks.api.task.TaskDraft.DESCRIPTION;
import static dev.tasks.api.task.TaskDraft.DUE_DATE;
import static dev.tasks.api.task.TaskDraft.DUE_TIME;
import static dev.tasks.api.task.TaskDraft.LABELS;
import static dev.tasks.api.task.TaskDraft.PRIORITY;
import static dev.tasks.api.task.TaskDraft.RECURRENCE;
import static dev.tasks.api.task.TaskDraft.TITLE;

import dev.tasks.api.task.TaskDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CSV of tasks, one a row, under a header naming its columns (any order, any case; "due date"
 * and "due_date" alike): {@link #COLUMNS}, of which only {@code title} is required. An empty value
 * is the default. {@code priority} is 0–3 or none/low/medium/high; {@code completed} true/false,
 * yes/no or 1/0; {@code labels} separated by commas; {@code list} a list's name (empty: the Inbox).
 * It is what {@code GET …/export.csv} writes, so an export reads back as it was.
 */
final class GenericCsv {

    /** A list's name (the API's tasks name their list by id); the other columns are the API's fields. */
    static final String LIST = "list";

    /** In the order an export writes them. */
    static final List<String> COLUMNS =
            List.of(TITLE, DESCRIPTION, DUE_DATE, DUE_TIME, PRIORITY, LIST, LABELS, COMPLETED, RECURRENCE);

    /** A priority's number or its word (the API's, {@link TaskDraft#PRIORITIES}), lower case. */
    private static final Map<String, Integer> PRIORITIES = priorities();

    private static final String PRIORITY_RULE =
            "must be 0-" + (TaskDraft.PRIORITIES.size() - 1) + " or " + String.join(", ", TaskDraft.PRIORITIES);
    private static final Map<String, Boolean> BOOLEANS =
            Map.of("true", true, "false", false, "yes", true, "no", false, "1", true, "0", false);

    private GenericCsv() {}

    static ImportFile read(String text) {
        List<CsvRecords.Line> lines = CsvRecords.read(text);
        if (lines.isEmpty()) {
            throw ImportProblem.file("is empty: a CSV needs a header line naming its columns (title, …)");
        }
        CsvRecords.Line header = lines.getFirst();
        Map<String, Integer> columns = columns(header);
        if (lines.size() - 1 > TransferLimits.MAX_TASKS) {
            throw TransferLimits.tooManyTasks();
        }
        List<ImportRow> rows = new ArrayList<>(lines.size() - 1);
        for (CsvRecords.Line line : lines.subList(1, lines.size())) {
            rows.add(row(line, columns));
        }
        return new ImportFile(ImportFormat.CSV, List.of(), rows, 0, 0);
    }

    private static Map<String, Integer> columns(CsvRecords.Line header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name =
                    header.fields().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                throw ImportProblem.at(
                        header.number(),
                        "header",
                        "column " + (i + 1) + " \"" + header.fields().get(i) + "\" is not one of "
                                + String.join(", ", COLUMNS));
            }
            if (columns.put(name, i) != null) {
                throw ImportProblem.at(header.number(), "header", "names the column " + name + " twice");
            }
        }
        if (!columns.containsKey(TITLE)) {
            throw ImportProblem.at(header.number(), "header", "must name a title column");
        }
        return columns;
    }

    private static ImportRow row(CsvRecords.Line line, Map<String, Integer> columns) {
        if (line.fields().size() > columns.size()) {
            throw ImportProblem.at(
                    line.number(),
                    "row",
                    "has " + line.fields().size() + " values but the header names " + columns.size() + " columns");
        }
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        task.put(TITLE, value(line, columns, TITLE));
        String description = value(line, columns, DESCRIPTION);
        if (description != null && !description.isEmpty()) {
            task.put(DESCRIPTION, description); // as written: an export's descriptions read back unchanged
        }
        putText(task, DUE_DATE, value(line, columns, DUE_DATE));
        putText(task, DUE_TIME, value(line, columns, DUE_TIME));
        putText(task, RECURRENCE, value(line, columns, RECURRENCE));
        String priority = value(line, columns, PRIORITY);
        if (priority != null && !priority.isBlank()) {
            Integer value = PRIORITIES.get(priority.strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw ImportProblem.at(line.number(), PRIORITY, PRIORITY_RULE);
            }
            task.put(PRIORITY, value);
        }
        String completed = value(line, columns, COMPLETED);
        if (completed != null && !completed.isBlank()) {
            Boolean value = BOOLEANS.get(completed.strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw ImportProblem.at(line.number(), COMPLETED, "must be true or false (yes/no, 1/0)");
            }
            task.put(COMPLETED, value);
        }
        String labels = value(line, columns, LABELS);
        var array = task.putArray(LABELS);
        if (labels != null) {
            for (String label : labels.split(",", -1)) {
                if (!label.isBlank()) {
                    array.add(label.strip());
                }
            }
        }
        TaskDraft draft = Drafts.read(line.number(), task);
        return ImportRow.of(line.number(), draft, Drafts.listName(line.number(), LIST, value(line, columns, LIST)));
    }

    /** The value of a column (null when the file has no such column or the row stops short). */
    private static String value(CsvRecords.Line line, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= line.fields().size()) {
            return column.equals(TITLE) ? "" : null;
        }
        return CsvCells.read(line.fields().get(index));
    }

    private static Map<String, Integer> priorities() {
        Map<String, Integer> priorities = new HashMap<>();
        for (int priority = 0; priority < TaskDraft.PRIORITIES.size(); priority++) {
            priorities.put(String.valueOf(priority), priority);
            priorities.put(TaskDraft.PRIORITIES.get(priority), priority);
        }
        return Map.copyOf(priorities);
    }

    private static void putText(ObjectNode task, String field, String value) {
        if (value != null && !value.isBlank()) {
            task.put(field, value.strip());
        }
    }
}
