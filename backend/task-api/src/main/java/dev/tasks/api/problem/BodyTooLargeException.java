package dev.tasks.api.problem;

import java.io.IOException;

/** Thrown while reading a request body that turns out longer than the limit (chunked uploads). */
public final class BodyTooLargeException extends IOException {

    /** What a client sent too much is told (413). */
    public static final String DETAIL = "The request body is larger than 1 MiB.";

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** What a client that sent more than {@code limit} bytes is told (413). */
    public static String detail(long limit) {
        return limit % (1024 * 1024) == 0
                ? "The request body is larger than " + limit / (1024 * 1024) + " MiB."
                : "The request body is larger than " + limit + " bytes.";
    }

    /** This body's limit, as {@link #detail(long)} says it. */
    public String detail() {
        return detail(limit);
    }
}
