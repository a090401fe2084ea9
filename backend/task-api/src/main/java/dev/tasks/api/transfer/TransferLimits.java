package dev.tasks.api.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The bounds of an import (documented in the task API's README): a file of at most 5 MiB (a
 * 10,000-task export with descriptions is about 3 MiB) and at most 10,000 tasks, each field within
 * the API's own limits, at most 1,000 new lists. Over a size bound: 413, never a 5xx.
 */
final class TransferLimits {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_TASKS = 10_000;
    static final int MAX_NEW_LISTS = 1_000;
    /** Records of a CSV file (tasks, and Todoist's sections and notes), read before tasks are counted. */
    static final int MAX_RECORDS = 3 * MAX_TASKS + 1;

    private TransferLimits() {}

    static ErrorResponseException tooManyTasks() {
        return tooLarge("The file has more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_TASKS)
                + " tasks; split it into smaller files (importing one twice adds nothing).");
    }

    static ErrorResponseException tooLarge(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    /** The client stopped sending, or the connection broke, mid-file: its mistake or the network's, not ours. */
    static ErrorResponseException unreadable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The file could not be read to its end; nothing was changed.");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
