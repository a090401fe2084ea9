package dev.tasks.api.task;

import dev.tasks.api.label.LabelNames;
import dev.tasks.api.problem.FieldProblem;
import dev.tasks.api.problem.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code GET /api/{user_id}/tasks} asks for: filters, order and page, parsed from the query
 * string strictly (a bad value is a 422 naming the parameter, never a silent default). A record:
 * equal queries are one page in the list cache, so "today" for {@code overdue} is resolved here and
 * is part of the query (a page kept from yesterday is not today's).
 *
 * @param completed     only tasks in this state, or all when empty
 * @param search        text to find in title or description, case-insensitively, or none
 * @param sort          the order
 * @param limit         at most this many tasks (1 to 1000)
 * @param offset        skip this many first
 * @param list          only the tasks of this list ({@link #INBOX}: of none), or all
 * @param labels        only tasks with all of these labels (as sent; compared by identity in SQL)
 * @param minPriority   only tasks of at least this priority
 * @param dueBefore     only tasks due on or before this date
 * @param dueAfter      only tasks due on or after this date
 * @param overdueBefore only open tasks due before this date (today where the caller is)
 */
record TaskQuery(
        Optional<Boolean> completed,
        Optional<String> search,
        Sort sort,
        int limit,
        int offset,
        Optional<Long> list,
        List<String> labels,
        Optional<Integer> minPriority,
        Optional<LocalDate> dueBefore,
        Optional<LocalDate> dueAfter,
        Optional<LocalDate> overdueBefore) {

    /** The query parameters, named as in the API (and in the 422 problems). */
    static final String COMPLETED = "completed", SEARCH = "q", SORT = "sort", LIMIT = "limit", OFFSET = "offset";

    static final String LIST_ID = "list_id",
            LABEL = "label",
            PRIORITY = "priority",
            DUE_BEFORE = "due_before",
            DUE_AFTER = "due_after",
            OVERDUE = "overdue",
            TZ = "tz";

    /** {@code list_id=inbox}: the tasks in no list. Ids are positive, so 0 names no list. */
    static final long INBOX = 0;

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_SEARCH = 1000;

    /** The allowed orders. Ties are broken by id so that pages never overlap or skip. */
    enum Sort {
        CREATED_AT("created_at", "created_at asc, id asc"),
        CREATED_AT_DESC("-created_at", "created_at desc, id desc"),
        UPDATED_AT("updated_at", "updated_at asc, id asc"),
        UPDATED_AT_DESC("-updated_at", "updated_at desc, id desc"),
        TITLE("title", "lower(title) asc, title asc, id asc"),
        TITLE_DESC("-title", "lower(title) desc, title desc, id desc"),
        // Tasks without a due date come last both ways (SPEC 1.7); a time orders tasks of one day.
        DUE_DATE("due_date", "due_date asc nulls last, due_time asc nulls last, id asc"),
        DUE_DATE_DESC("-due_date", "due_date desc nulls last, due_time desc nulls last, id desc"),
        PRIORITY("priority", "priority asc, id asc"),
        PRIORITY_DESC("-priority", "priority desc, id desc"),
        POSITION("position", "position asc, id asc");

        final String parameter;
        /** A constant from this enum, never client text: safe to put into SQL. */
        final String orderBy;

        Sort(String parameter, String orderBy) {
            this.parameter = parameter;
            this.orderBy = orderBy;
        }

        static Optional<Sort> of(String parameter) {
            return Arrays.stream(values())
                    .filter(sort -> sort.parameter.equals(parameter))
                    .findFirst();
        }

        /** The values of {@code sort}, for problems and the OpenAPI document. */
        static List<String> parameters() {
            return Arrays.stream(values()).map(sort -> sort.parameter).toList();
        }
    }

    /** The five SPEC 1.3 parameters alone (tests, EXPLAIN). */
    static TaskQuery parse(String completed, String q, String sort, String limit, String offset) {
        Map<String, String[]> parameters = new HashMap<>();
        String[][] pairs = {{COMPLETED, completed}, {SEARCH, q}, {SORT, sort}, {LIMIT, limit}, {OFFSET, offset}};
        for (String[] pair : pairs) {
            if (pair[1] != null) {
                parameters.put(pair[0], new String[] {pair[1]});
            }
        }
        return parse(parameters, Clock.systemUTC());
    }

    /**
     * The query in the request's parameters (each name's values, as the servlet request has them).
     * A repeated parameter is its values joined by commas, as Spring reads one into a string,
     * except {@code label}, whose values are one label each.
     */
    static TaskQuery parse(Map<String, String[]> parameters, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Boolean> state = bool(COMPLETED, one(parameters, COMPLETED), problems);
        Optional<String> search =
                Optional.ofNullable(one(parameters, SEARCH)).map(String::strip).filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().codePointCount(0, search.get().length()) > MAX_SEARCH) {
            problems.add(new FieldProblem(SEARCH, "must be at most " + MAX_SEARCH + " characters"));
        } else if (search.isPresent() && !TaskText.storable(search.get())) {
            problems.add(new FieldProblem(SEARCH, "must not contain NUL characters or broken Unicode"));
        }
        Sort order = Sort.CREATED_AT_DESC;
        String sort = one(parameters, SORT);
        if (sort != null) {
            Optional<Sort> known = Sort.of(sort);
            if (known.isPresent()) {
                order = known.get();
            } else {
                problems.add(new FieldProblem(SORT, "must be one of " + String.join(", ", Sort.parameters())));
            }
        }
        int size = number(LIMIT, one(parameters, LIMIT), DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        int skip = number(OFFSET, one(parameters, OFFSET), 0, 0, Integer.MAX_VALUE, problems);

        Optional<Long> list = Optional.empty();
        String listId = one(parameters, LIST_ID);
        if (listId != null) {
            if (listId.equals("inbox")) {
                list = Optional.of(INBOX);
            } else if (listId.matches("[0-9]{1,18}") && Long.parseLong(listId) > 0) {
                list = Optional.of(Long.parseLong(listId));
            } else {
                problems.add(new FieldProblem(LIST_ID, "must be a list id or inbox"));
            }
        }
        List<String> labels = new ArrayList<>();
        for (String label : parameters.getOrDefault(LABEL, new String[0])) {
            try {
                labels.add(LabelNames.name(label));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(LABEL, e.getMessage()));
            }
        }
        if (labels.size() > LabelNames.MAX_PER_TASK) {
            problems.add(new FieldProblem(LABEL, "at most " + LabelNames.MAX_PER_TASK + " labels"));
        }
        String priority = one(parameters, PRIORITY);
        Optional<Integer> minPriority = priority == null
                ? Optional.empty()
                : Optional.of(number(PRIORITY, priority, 0, 0, TaskFields.MAX_PRIORITY, problems));
        Optional<LocalDate> dueBefore = date(DUE_BEFORE, one(parameters, DUE_BEFORE), problems);
        Optional<LocalDate> dueAfter = date(DUE_AFTER, one(parameters, DUE_AFTER), problems);
        Optional<Boolean> overdue = bool(OVERDUE, one(parameters, OVERDUE), problems);
        ZoneId zone = zone(one(parameters, TZ), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Optional<LocalDate> today =
                overdue.orElse(false) ? Optional.of(LocalDate.now(clock.withZone(zone))) : Optional.empty();
        return new TaskQuery(
                state, search, order, size, skip, list, List.copyOf(labels), minPriority, dueBefore, dueAfter, today);
    }

    /** The search text as an ILIKE pattern: its own %, _ and \ match literally. */
    Optional<String> likePattern() {
        return search.map(
                text -> "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private static String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return values.length == 1 ? values[0] : String.join(",", values);
    }

    private static Optional<Boolean> bool(String name, String text, List<FieldProblem> problems) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text) {
            case "true" -> {
                return Optional.of(true);
            }
            case "false" -> {
                return Optional.of(false);
            }
            default -> {
                problems.add(new FieldProblem(name, "must be true or false"));
                return Optional.empty();
            }
        }
    }

    private static Optional<LocalDate> date(String name, String text, List<FieldProblem> problems) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return Optional.of(LocalDate.parse(text));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(new FieldProblem(name, "must be a calendar date, YYYY-MM-DD"));
        return Optional.empty();
    }

    /** An IANA zone ({@code Europe/Paris}, {@code UTC}); offsets and abbreviations are not zones. */
    private static ZoneId zone(String text, List<FieldProblem> problems) {
        if (text == null) {
            return ZoneId.of("UTC");
        }
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            problems.add(new FieldProblem(TZ, "must be an IANA time zone, such as Europe/Paris or UTC"));
            return ZoneId.of("UTC");
        }
        return ZoneId.of(text);
    }

    private static int number(String name, String text, int byDefault, int min, int max, List<FieldProblem> problems) {
        if (text == null) {
            return byDefault;
        }
        try {
            if (text.matches("\\d{1,10}")) {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return (int) value;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return byDefault;
    }
}
