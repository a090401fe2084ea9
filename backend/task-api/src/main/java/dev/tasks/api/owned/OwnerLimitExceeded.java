package dev.tasks.api.owned;

import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
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

    private OwnerLimitExceeded() {}

    /**
     * The problem for {@code failure} if a limit refused it; {@code team} when the owner is a team.
     * The numbers are {@code limits}, the ones the API set on every pooled connection for the triggers.
     */
    public static Optional<ProblemDetail> problem(Throwable failure, boolean team, OwnerLimits limits) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                boolean tasks = sql.getSQLState().equals(TASKS_STATE);
                if (tasks || sql.getSQLState().equals(LISTS_STATE)) {
                    return Optional.of(problem(tasks, tasks ? limits.maxTasks() : limits.maxLists(), team));
                }
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail problem(boolean tasks, int max, boolean team) {
        String detail = (team ? "A team can keep at most " : "You can keep at most ")
                + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(max) + " " + (tasks ? "tasks" : "lists")
                + (tasks ? " (open and completed together)" : "")
                + "; this would go over that, so nothing was added. Delete some first.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        // For scripts: which limit, and its value.
        problem.setProperty("limit", tasks ? "tasks_per_owner" : "lists_per_owner");
        problem.setProperty("max", max);
        return problem;
    }
}
