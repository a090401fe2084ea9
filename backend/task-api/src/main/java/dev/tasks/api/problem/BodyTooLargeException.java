package dev.tasks.api.problem;

import java.io.IOException;

/** Thrown while reading a request body that turns out longer than the limit (chunked uploads). */
public final class BodyTooLargeException extends IOException {

    /** What a client sent too much is told (413). */
    public static final String DETAIL = "The request body is larger than 1 MiB.";

    public BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
