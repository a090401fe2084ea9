package dev.tasks.api.owned;

import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The answer to a write that V14's triggers refused because the owner would keep more tasks or
 * lists than {@link OwnerLimits} allow: SQLSTATE TK001 (tasks) or TK002 (lists), from whichever
 * statement inserted: a create, an import, a list. The transaction is rolled back, so nothing of
 * the request was written (an import stays all or nothing).
 *
 * <p>409 Conflict, not 422: the request itself is valid, it conflicts with the owner's current
 * state, and the same request succeeds once the owner has deleted something (RFC 9110, 15.5.10:
 * "the user might be able to resolve the conflict and resubmit"). Not 429 (no waiting helps), and
 * never a 5xx (the client's doing, not a failure of ours).
 */
public final class OwnerLimitExceeded {

    static final String TASKS_STATE = "TK001";
    static final String LISTS_STATE = "TK002";
    /** The number as the trigger words it: "at most 100000 tasks per owner". */
    private static final Pattern LIMIT = Pattern.compile("at most (\\d+) ");

    private OwnerLimitExceeded() {}

    /** The problem for {@code failure} if a limit refused it; {@code team} when the owner is a team. */
    public static Optional<ProblemDetail> problem(Throwable failure, boolean team) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                boolean tasks = sql.getSQLState().equals(TASKS_STATE);
                if (tasks || sql.getSQLState().equals(LISTS_STATE)) {
                    return Optional.of(problem(tasks, limit(sql.getMessage()), team));
                }
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail problem(boolean tasks, Optional<Long> limit, boolean team) {
        String what = tasks ? "tasks" : "lists";
        String most = limit.map(n -> "at most "
                        + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n) + " ")
                .orElse("only so many ");
        String detail = (team ? "A team can keep " : "You can keep ") + most + what
                + (tasks ? " (open and completed together)" : "")
                + "; this would go over that, so nothing was added. Delete some first.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        // For scripts: which limit, and its value.
        problem.setProperty("limit", tasks ? "tasks_per_owner" : "lists_per_owner");
        limit.ifPresent(n -> problem.setProperty("max", n));
        return problem;
    }

    private static Optional<Long> limit(String message) {
        Matcher matcher = LIMIT.matcher(message == null ? "" : message);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
