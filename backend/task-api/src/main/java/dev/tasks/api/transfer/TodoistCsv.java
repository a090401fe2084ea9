package dev.tasks.api.transfer;

import dev.tasks.api.task.TaskDraft;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Todoist's CSV export of a project: a header TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR,
 * RESPONSIBLE, DATE, DATE_LANG, TIMEZONE, DURATION, DURATION_UNIT, DEADLINE, DEADLINE_LANG (only TYPE
 * and CONTENT are required; other columns are ignored), then one row per task, section or note.
 * <ul>
 * <li>{@code task}: a task; {@code @label} words in CONTENT become labels and leave the title;
 *     sub-tasks (INDENT &gt; 1) become tasks of their own (we have no sub-tasks);</li>
 * <li>{@code section}: a list of that name, holding the tasks below it (tasks above the first
 *     section go to the Inbox);</li>
 * <li>{@code note} (comments), {@code meta} and empty rows: left out, counted as ignored.</li>
 * </ul>
 * PRIORITY is Todoist's p1 (1, highest) to p4 (4, none): 1 → 3 high, 2 → 2 medium, 3 → 1 low, 4 or
 * empty → 0 none. DATE (else DEADLINE) becomes the due date when it is a date ({@code 2026-12-24},
 * {@code 2026-12-24 09:30}, {@code 24 Dec 2026}, {@code Dec 24 2026}, optionally with a time); a date
 * Todoist wrote in words ("every monday", "tomorrow") cannot be read without the day it was written,
 * so it is kept at the end of the description ("Todoist date: every monday") and counted.
 */
final class TodoistCsv {

    private static final Pattern LABEL = Pattern.compile("(?<=^|\\s)@([^\\s@]+)");
    private static final Map<String, Integer> PRIORITIES = Map.of("1", 3, "2", 2, "3", 1, "4", 0);
    private static final List<DateTimeFormatter> DATES = List.of(
            formatter("uuuu-MM-dd"), formatter("d MMM uuuu"), formatter("MMM d uuuu"), formatter("MMM d, uuuu"));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            formatter("uuuu-MM-dd HH:mm"),
            formatter("uuuu-MM-dd'T'HH:mm"),
            formatter("uuuu-MM-dd'T'HH:mm:ss"),
            formatter("uuuu-MM-dd'T'HH:mm:ss'Z'"),
            formatter("d MMM uuuu HH:mm"),
            formatter("MMM d uuuu HH:mm"),
            formatter("MMM d, uuuu HH:mm"));

    private TodoistCsv() {}

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    static ImportFile read(String text) {
        List<CsvRecords.Line> lines = CsvRecords.read(text);
        if (lines.isEmpty()) {
            throw ImportProblem.file("is empty: Todoist's CSV starts with the header TYPE,CONTENT,…");
        }
        CsvRecords.Line header = lines.getFirst();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(header.fields().get(i).strip().toUpperCase(Locale.ROOT), i);
        }
        for (String required : List.of("TYPE", "CONTENT")) {
            if (!columns.containsKey(required)) {
                throw ImportProblem.at(header.number(), "header", "has no " + required + " column (Todoist's CSV)");
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        int ignored = 0;
        int datesKept = 0;
        String list = null;
        for (CsvRecords.Line line : lines.subList(1, lines.size())) {
            String type = value(line, columns, "TYPE").strip().toLowerCase(Locale.ROOT);
            switch (type) {
                case "task" -> {
                    if (rows.size() == TransferLimits.MAX_TASKS) {
                        throw TransferLimits.tooManyTasks();
                    }
                    Task task = task(line, columns);
                    rows.add(ImportRow.of(line.number(), task.draft(), list));
                    datesKept += task.dateKept() ? 1 : 0;
                }
                case "section" -> list = Drafts.listName(line.number(), "CONTENT", value(line, columns, "CONTENT"));
                case "note", "meta", "" -> ignored++;
                default ->
                    throw ImportProblem.at(
                            line.number(), "TYPE", "must be task, section, note or meta, was \"" + type + "\"");
            }
        }
        return new ImportFile(ImportFormat.TODOIST_CSV, List.of(), rows, ignored, datesKept);
    }

    private record Task(TaskDraft draft, boolean dateKept) {}

    private static Task task(CsvRecords.Line line, Map<String, Integer> columns) {
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        String content = value(line, columns, "CONTENT");
        var labels = task.putArray(TaskDraft.LABELS);
        Matcher matcher = LABEL.matcher(content);
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        task.put(TaskDraft.TITLE, LABEL.matcher(content).replaceAll("").replaceAll("\\s{2,}", " "));
        String description = value(line, columns, "DESCRIPTION");
        String priority = value(line, columns, "PRIORITY").strip();
        if (!priority.isEmpty()) {
            Integer ours = PRIORITIES.get(priority);
            if (ours == null) {
                throw ImportProblem.at(line.number(), "PRIORITY", "must be 1 (highest) to 4 (none), was " + priority);
            }
            task.put(TaskDraft.PRIORITY, ours);
        }
        String date = value(line, columns, "DATE").strip();
        if (date.isEmpty()) {
            date = value(line, columns, "DEADLINE").strip();
        }
        boolean dateKept = false;
        if (!date.isEmpty()) {
            Optional<LocalDateTime> due = due(date);
            if (due.isPresent()) {
                task.put(TaskDraft.DUE_DATE, due.get().toLocalDate().toString());
                if (!due.get().toLocalTime().equals(LocalTime.MIDNIGHT) || hasTime(date)) {
                    task.put(TaskDraft.DUE_TIME, TaskDraft.time(due.get().toLocalTime()));
                }
            } else {
                description = (description.isBlank() ? "" : description + "\n\n") + "Todoist date: " + date;
                dateKept = true;
            }
        }
        if (!description.isEmpty()) {
            task.put(TaskDraft.DESCRIPTION, description);
        }
        return new Task(Drafts.read(line.number(), task), dateKept);
    }

    private static boolean hasTime(String date) {
        return date.matches(".*\\d{1,2}:\\d{2}.*");
    }

    /** The date (and time; midnight when none) in {@code text}, when it is one Todoist wrote as a date. */
    static Optional<LocalDateTime> due(String text) {
        String date = text.strip().replaceAll("\\s+", " ").replace(" at ", " ");
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(date, format));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(date, format).atStartOfDay());
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    private static String value(CsvRecords.Line line, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= line.fields().size()
                ? ""
                : line.fields().get(index);
    }
}
