package dev.tasks.api.task;

import dev.tasks.api.problem.FieldProblem;
import dev.tasks.api.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code GET /api/{user_id}/tasks} asks for: filters, order and page, parsed from the query
 * string strictly (a bad value is a 422 naming the parameter, never a silent default).
 *
 * @param completed only tasks in this state, or all when empty
 * @param search    text to find in title or description, case-insensitively, or none
 * @param sort      the order
 * @param limit     at most this many tasks (1 to 1000)
 * @param offset    skip this many first
 */
record TaskQuery(Optional<Boolean> completed, Optional<String> search, Sort sort, int limit, int offset) {

    /** The query parameters, named as in the API (and in the 422 problems). */
    static final String COMPLETED = "completed", SEARCH = "q", SORT = "sort", LIMIT = "limit", OFFSET = "offset";

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
        TITLE_DESC("-title", "lower(title) desc, title desc, id desc");

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
    }

    static TaskQuery parse(String completed, String q, String sort, String limit, String offset) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Boolean> state = Optional.empty();
        if (completed != null) {
            switch (completed) {
                case "true" -> state = Optional.of(true);
                case "false" -> state = Optional.of(false);
                default -> problems.add(new FieldProblem(COMPLETED, "must be true or false"));
            }
        }
        Optional<String> search = Optional.ofNullable(q).map(String::strip).filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().codePointCount(0, search.get().length()) > MAX_SEARCH) {
            problems.add(new FieldProblem(SEARCH, "must be at most " + MAX_SEARCH + " characters"));
        } else if (search.isPresent() && !TaskText.storable(search.get())) {
            problems.add(new FieldProblem(SEARCH, "must not contain NUL characters or broken Unicode"));
        }
        Sort order = Sort.CREATED_AT_DESC;
        if (sort != null) {
            Optional<Sort> known = Sort.of(sort);
            if (known.isPresent()) {
                order = known.get();
            } else {
                problems.add(new FieldProblem(
                        SORT,
                        "must be one of "
                                + Arrays.stream(Sort.values())
                                        .map(s -> s.parameter)
                                        .collect(Collectors.joining(", "))));
            }
        }
        int size = number(LIMIT, limit, DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        int skip = number(OFFSET, offset, 0, 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new TaskQuery(state, search, order, size, skip);
    }

    /** The search text as an ILIKE pattern: its own %, _ and \ match literally. */
    Optional<String> likePattern() {
        return search.map(
                text -> "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
