package dev.tasks.api.web;

import java.io.IOException;

/** Thrown while reading a request body that turns out longer than the limit (chunked uploads). */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
